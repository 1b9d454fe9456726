import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  compareTotals,
  decodeRankKey,
  encodeRankKey,
  mergeShardTops,
  rankEntries,
  rankingChanged,
  shardOf,
  type RankedTotal,
} from '../../src/ranking.ts';

const t0 = '2026-11-21T10:00:00.000Z';
const t1 = '2026-11-21T10:00:01.000Z';

describe('rank keys', () => {
  it('encode score desc, then reachedAt asc, then userId asc, as byte order', () => {
    const totals: RankedTotal[] = [
      { userId: 'b', score: 5, reachedAt: t0 },
      { userId: 'a', score: 5, reachedAt: t1 },
      { userId: 'a', score: 5, reachedAt: t0 },
      { userId: 'z', score: 1000, reachedAt: t1 },
      { userId: 'c', score: 0, reachedAt: t0 },
      { userId: 'aa', score: 5, reachedAt: t0 },
    ];
    const byKey = [...totals].sort((x, y) => compareCodePoints(encodeRankKey(x), encodeRankKey(y)));
    const byOrder = [...totals].sort(compareTotals);
    expect(byKey).toEqual(byOrder);
    expect(
      byOrder.map((total) => `${total.userId}:${total.score}:${total.reachedAt === t0 ? 0 : 1}`),
    ).toEqual(['z:1000:1', 'a:5:0', 'aa:5:0', 'b:5:0', 'a:5:1', 'c:0:0']);
  });

  it('round-trips and documents its format', () => {
    const key = encodeRankKey({ userId: 'u1', score: 120, reachedAt: t0 });
    expect(key).toBe('999999999999879#2026-11-21T10:00:00.000Z#u1');
    expect(decodeRankKey(key)).toEqual({ userId: 'u1', score: 120, reachedAt: t0 });
    expect(decodeRankKey(encodeRankKey({ userId: 'x#y', score: 0, reachedAt: t0 })).userId).toBe('x#y');
  });

  it('refuses what it cannot encode in order', () => {
    expect(() => encodeRankKey({ userId: 'u', score: -1, reachedAt: t0 })).toThrow(/outside/);
    expect(() => encodeRankKey({ userId: 'u', score: 1.5, reachedAt: t0 })).toThrow(/outside/);
    expect(() => encodeRankKey({ userId: 'u', score: 1, reachedAt: '2026-11-21T10:00:00Z' })).toThrow(
      /canonical/,
    );
  });

  it('orders user ids by code point, as DynamoDB orders UTF-8 bytes', () => {
    // U+FF5E sorts before U+1F600 in UTF-8, though not in UTF-16 code units.
    expect(compareCodePoints('\uff5e', '\u{1f600}')).toBeLessThan(0);
    expect('\uff5e' < '\u{1f600}').toBe(false);
  });
});

describe('shards', () => {
  it('spreads users evenly and stably', () => {
    const counts = new Array(8).fill(0);
    for (let index = 0; index < 8000; index += 1) counts[shardOf(`user-${index}`, 8)] += 1;
    for (const count of counts) expect(count).toBeGreaterThan(800);
    expect(shardOf('user-1', 8)).toBe(shardOf('user-1', 8));
  });
});

describe('merging shard tops', () => {
  it('equals a full sort when every shard gives its top N, ties across shards included', () => {
    const all: RankedTotal[] = [];
    for (let index = 0; index < 500; index += 1) {
      all.push({ userId: `u${index}`, score: index % 7, reachedAt: index % 2 === 0 ? t0 : t1 });
    }
    const shards = 5;
    const limit = 20;
    const shardTops = Array.from({ length: shards }, (_, shard) =>
      all
        .filter((total) => shardOf(total.userId, shards) === shard)
        .sort(compareTotals)
        .slice(0, limit),
    );
    expect(mergeShardTops(shardTops, limit)).toEqual([...all].sort(compareTotals).slice(0, limit));
  });
});

describe('ranked entries', () => {
  const ordered = [
    { userId: 'a', score: 10, reachedAt: t0, displayName: 'Ann' },
    { userId: 'b', score: 9, reachedAt: t0, displayName: null },
  ];

  it('assigns ordinal ranks and previous ranks', () => {
    const first = rankEntries(ordered, []);
    expect(first).toEqual([
      { rank: 1, previousRank: null, userId: 'a', displayName: 'Ann', score: 10 },
      { rank: 2, previousRank: null, userId: 'b', displayName: null, score: 9 },
    ]);
    const swapped = rankEntries([ordered[1]!, ordered[0]!], first);
    expect(swapped.map((entry) => [entry.userId, entry.rank, entry.previousRank])).toEqual([
      ['b', 1, 2],
      ['a', 2, 1],
    ]);
  });

  it('detects a changed ranking but not a re-ranking of the same standings', () => {
    const first = rankEntries(ordered, []);
    const again = rankEntries(ordered, first);
    expect(rankingChanged(first, again)).toBe(false);
    expect(rankingChanged(first, rankEntries([{ ...ordered[0]!, score: 11 }, ordered[1]!], first))).toBe(
      true,
    );
    expect(rankingChanged(first, first.slice(0, 1))).toBe(true);
  });
});
