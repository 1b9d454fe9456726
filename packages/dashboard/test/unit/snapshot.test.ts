import { describe, expect, it } from 'vitest';
import { decideSnapshot, nextSnapshot, type BoardSnapshot } from '../../src/view/snapshot.ts';

const snapshot = (boardId: string, version: number, leader = 'alice'): BoardSnapshot => ({
  boardId,
  version,
  asOf: `2026-11-20T10:0${version % 10}:00.000Z`,
  entries: [{ rank: 1, previousRank: null, userId: leader, displayName: null, score: 10 * version }],
});

describe('decideSnapshot', () => {
  it('shows the first snapshot of the selected board', () => {
    expect(decideSnapshot(undefined, snapshot('global', 3), 'global')).toBe('show');
  });

  it('shows a higher version', () => {
    expect(decideSnapshot(snapshot('global', 3), snapshot('global', 4), 'global')).toBe('show');
  });

  it('ignores an older version, e.g. a read answered after a newer event', () => {
    expect(decideSnapshot(snapshot('global', 5), snapshot('global', 4), 'global')).toBe('older');
  });

  it('ignores a repeat of the shown version', () => {
    expect(decideSnapshot(snapshot('global', 5), snapshot('global', 5, 'bob'), 'global')).toBe('same');
  });

  it('ignores another board, whatever its version', () => {
    expect(decideSnapshot(snapshot('global', 1), snapshot('week:2026-W47', 9), 'global')).toBe('other-board');
  });

  it('shows any version of the selected board after a switch away from another board', () => {
    expect(decideSnapshot(snapshot('global', 9), snapshot('program:p1', 1), 'program:p1')).toBe('show');
  });
});

describe('nextSnapshot', () => {
  it('keeps the newest whatever order versions arrive in', () => {
    const arrivals = [2, 5, 3, 5, 4, 6, 1].map((version) => snapshot('global', version));
    const shown = arrivals.reduce<BoardSnapshot | undefined>(
      (current, incoming) => nextSnapshot(current, incoming, 'global'),
      undefined,
    );
    expect(shown?.version).toBe(6);
  });
});
