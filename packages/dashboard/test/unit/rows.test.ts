import { describe, expect, it } from 'vitest';
import { barShare, medalFor, rowModels } from '../../src/view/rows.ts';
import type { BoardEntry } from '../../src/view/snapshot.ts';

const entry = (
  rank: number,
  userId: string,
  score: number,
  previousRank: number | null = rank,
): BoardEntry => ({
  rank,
  previousRank,
  userId,
  displayName: null,
  score,
});

describe('barShare', () => {
  it("is the score as a share of the leader's", () => {
    expect(barShare(180, 180)).toBe(1);
    expect(barShare(45, 180)).toBe(0.25);
  });

  it("is 0 without points and never more than the leader's bar", () => {
    expect(barShare(0, 180)).toBe(0);
    expect(barShare(10, 0)).toBe(0);
    expect(barShare(200, 180)).toBe(1);
  });
});

describe('medalFor', () => {
  it('gives the top three ranks gold, silver and bronze, and no one else a medal', () => {
    expect([1, 2, 3, 4, 0].map(medalFor)).toEqual(['gold', 'silver', 'bronze', undefined, undefined]);
  });
});

describe('rowModels', () => {
  const entries = [
    entry(1, 'carol', 180, null),
    entry(2, 'dave', 90, 3),
    entry(2, 'erin', 90, 1),
    entry(4, 'bob', 45),
  ];

  it('sizes each bar against the leader and gives tied ranks the same medal', () => {
    expect(rowModels(entries).map(({ share, medal }) => ({ share, medal }))).toEqual([
      { share: 1, medal: 'gold' },
      { share: 0.5, medal: 'silver' },
      { share: 0.5, medal: 'silver' },
      { share: 0.25, medal: undefined },
    ]);
  });

  it("marks the viewer's own row only", () => {
    expect(rowModels(entries, 'dave').map(({ own }) => own)).toEqual([false, true, false, false]);
    expect(rowModels(entries).some(({ own }) => own)).toBe(false);
  });

  it("carries each entry's movement", () => {
    expect(rowModels(entries).map(({ movement }) => movement.kind)).toEqual(['new', 'up', 'down', 'same']);
  });
});
