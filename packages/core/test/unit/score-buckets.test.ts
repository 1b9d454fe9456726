import { describe, expect, it } from 'vitest';
import { maxRankableScore } from '../../src/ranking.ts';
import { bucketScores, scoreBucket } from '../../src/score-buckets.ts';

describe('score buckets', () => {
  it('gives scores 0-3 a bucket each, then four buckets a doubling', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 15, 16, 19, 20].map(scoreBucket)).toEqual([
      0, 1, 2, 3, 4, 5, 7, 8, 8, 9, 11, 12, 12, 13,
    ]);
    expect(bucketScores(8)).toEqual({ lowest: 8, highest: 9 });
    expect(bucketScores(12)).toEqual({ lowest: 16, highest: 19 });
    expect(bucketScores(43)).toEqual({ lowest: 7 * 512, highest: 8 * 512 - 1 });
  });

  it('puts every score into the bucket whose range holds it, ranges touching end to end', () => {
    let previousHighest = -1;
    for (let bucket = 0; bucket <= scoreBucket(maxRankableScore); bucket += 1) {
      const { lowest, highest } = bucketScores(bucket);
      expect(lowest, `bucket ${bucket}`).toBe(previousHighest + 1);
      expect(scoreBucket(lowest), `lowest of ${bucket}`).toBe(bucket);
      expect(scoreBucket(highest), `highest of ${bucket}`).toBe(bucket);
      previousHighest = highest;
    }
    expect(previousHighest).toBeGreaterThanOrEqual(maxRankableScore);
  });

  it('keeps the exact bucket at powers of two and their neighbours, where log2 rounds', () => {
    for (let exponent = 2; exponent < 53; exponent += 1) {
      const power = 2 ** exponent;
      expect(scoreBucket(power), `2^${exponent}`).toBe(4 * (exponent - 1));
      expect(scoreBucket(power - 1), `2^${exponent} - 1`).toBe(4 * (exponent - 1) - 1);
    }
  });

  it('spans 12.5-25% of its scores past the first buckets, so a total crosses buckets rarely', () => {
    for (let bucket = 12; bucket <= 195; bucket += 1) {
      const { lowest, highest } = bucketScores(bucket);
      const width = (highest - lowest + 1) / lowest;
      expect(width).toBeGreaterThanOrEqual(0.125);
      expect(width).toBeLessThanOrEqual(0.25);
    }
    expect(scoreBucket(maxRankableScore)).toBe(195);
  });
});
