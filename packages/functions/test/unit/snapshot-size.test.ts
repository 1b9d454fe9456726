import { describe, expect, it } from 'vitest';
import { withinBytes } from '../../src/rebuild/rebuild-board.ts';

const entry = (rank: number, name: string) => ({
  rank,
  previousRank: null,
  userId: `u${rank}`,
  displayName: name,
  score: 1000 - rank,
});

describe('snapshot size', () => {
  it('keeps every entry when the payload fits', () => {
    const entries = [entry(1, 'a'), entry(2, 'b')];
    expect(withinBytes(entries, 10_000)).toEqual(entries);
  });

  it('drops the tail when long names would pass the limit, keeping the JSON under it', () => {
    const entries = Array.from({ length: 1000 }, (_, index) =>
      entry(index + 1, 'n'.repeat(128) + 'é'.repeat(64)),
    );
    const kept = withinBytes(entries, 200_000);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(1000);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(200_000);
    expect(Buffer.byteLength(JSON.stringify(entries.slice(0, kept.length + 1)))).toBeGreaterThan(200_000);
  });
});
