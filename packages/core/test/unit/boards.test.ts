import { describe, expect, it } from 'vitest';
import { boardsForActivity, parseBoardId, timeWindows, windowBoardId } from '../../src/boards.ts';

describe('boards', () => {
  const occurredAtMs = Date.parse('2026-11-18T09:30:00Z');

  it('counts an activity on global, its program and every time window of occurredAt', () => {
    expect(boardsForActivity({ programId: 'spring-2026', occurredAtMs })).toEqual([
      'global',
      'program:spring-2026',
      'week:2026-W47',
      'month:2026-11',
    ]);
    expect(boardsForActivity({ programId: null, occurredAtMs })).toEqual([
      'global',
      'week:2026-W47',
      'month:2026-11',
    ]);
  });

  it('puts a week that spans two months on both months', () => {
    // ISO week 2026-W49 runs from Monday 30 November to Sunday 6 December.
    const monday = Date.parse('2026-11-30T10:00:00Z');
    const sunday = Date.parse('2026-12-06T10:00:00Z');
    expect(boardsForActivity({ occurredAtMs: monday }).slice(1)).toEqual(['week:2026-W49', 'month:2026-11']);
    expect(boardsForActivity({ occurredAtMs: sunday }).slice(1)).toEqual(['week:2026-W49', 'month:2026-12']);
  });

  it('parses every board id form', () => {
    expect(parseBoardId('global')).toEqual({ ok: true, value: { kind: 'global', boardId: 'global' } });
    expect(parseBoardId('program:p_1')).toEqual({
      ok: true,
      value: { kind: 'program', boardId: 'program:p_1', programId: 'p_1' },
    });
    expect(parseBoardId('week:2026-W07')).toEqual({
      ok: true,
      value: { kind: 'window', boardId: 'week:2026-W07', window: 'week', key: '2026-W07' },
    });
    expect(parseBoardId('month:2026-02')).toEqual({
      ok: true,
      value: { kind: 'window', boardId: 'month:2026-02', window: 'month', key: '2026-02' },
    });
  });

  it('accepts the board id of every window for any instant', () => {
    for (const window of timeWindows) {
      for (let day = 0; day < 800; day += 13) {
        const boardId = windowBoardId(window, Date.parse('2025-12-20T00:00:00Z') + day * 86_400_000);
        expect(parseBoardId(boardId).ok, boardId).toBe(true);
      }
    }
  });

  it.each([
    '',
    'Global',
    'program:',
    'program:a#b',
    'week:2026-W00',
    'week:2026-W54',
    'week:2026-47',
    'week:26-W01',
    'month:2026-00',
    'month:2026-13',
    'month:2026-1',
    'month:2026/11',
    'month:',
    `program:${'x'.repeat(65)}`,
  ])('refuses %j as a ValidationError naming every form', (boardId) => {
    const outcome = parseBoardId(boardId);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.errorType).toBe('ValidationError');
      expect(outcome.error.message).toContain("'month:<YYYY>-<MM>'");
    }
  });
});
