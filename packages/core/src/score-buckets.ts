/**
 * The buckets of a board's score histogram, which `myStanding` ranks users outside the snapshot
 * with: scores 0 to 3 have a bucket each, then every doubling has four, each a quarter of the
 * doubling wide (`[4·2^e, 5·2^e)`, `[5·2^e, 6·2^e)`, `[6·2^e, 7·2^e)`, `[7·2^e, 8·2^e)`). So a
 * bucket spans 12.5-25% of its scores and a user's total crosses into a new one O(log score)
 * times, which keeps the histogram's writes rare; the highest rankable score falls in bucket 195.
 *
 * Integer arithmetic on powers of two only (exact in every JavaScript engine), so the worker
 * that files a total and the reader that ranks it always agree on its bucket.
 */

/** Largest `n` with `2^n <= value`, for `value >= 1`; `Math.log2` guessed, then checked exactly. */
function exponentOf(value: number): number {
  const guess = Math.floor(Math.log2(value));
  if (Math.pow(2, guess) > value) return guess - 1;
  if (Math.pow(2, guess + 1) <= value) return guess + 1;
  return guess;
}

/** The histogram bucket of a score (a whole number of at least 0). */
export function scoreBucket(score: number): number {
  if (score < 4) return score;
  const step = exponentOf(score) - 2;
  return 4 * step + Math.floor(score / Math.pow(2, step));
}

export interface BucketScores {
  readonly lowest: number;
  readonly highest: number;
}

/** The scores a bucket holds, both ends included. */
export function bucketScores(bucket: number): BucketScores {
  if (bucket < 4) return { lowest: bucket, highest: bucket };
  const width = Math.pow(2, Math.floor(bucket / 4) - 1);
  const lowest = ((bucket % 4) + 4) * width;
  return { lowest, highest: lowest + width - 1 };
}
