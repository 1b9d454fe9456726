/**
 * The ranking order and its encoding in the `byScore` index.
 *
 * Order: score descending, then `reachedAt` ascending (who reached that score first), then
 * user id ascending. Ranks are ordinal (1, 2, 3 ... even on equal scores).
 *
 * `rankKey` encoding (the index's range key, sorted by DynamoDB in UTF-8 byte order):
 *
 *     <999999999999999 - score, 15 digits>#<reachedAt, 24-char ISO 8601 UTC>#<userId>
 *
 * e.g. score 120 reached at 2026-11-21T10:00:00.000Z by `u1` is
 * `999999999999879#2026-11-21T10:00:00.000Z#u1`. The score is inverted so that ascending
 * key order is descending score; every field before the user id has a fixed width, so byte
 * order of the whole key is exactly the ranking order. Including the user id makes the
 * order total: each shard's top N is then a prefix of that order, so the global top N is
 * always inside the union of the shard tops, however scores tie across shards.
 *
 * Shards: a user's totals on a board live under `shardKey = <boardId>#<shard>`, with
 * `shard = fnv1a32(userId) mod S`, so no index partition takes every write of a board.
 */

export const maxRankableScore = 999_999_999_999_999;
const scoreDigits = 15;
const isoTimestampLength = 24;

export class RankKeyError extends Error {
  override readonly name = 'RankKeyError';
}

export interface RankedTotal {
  readonly userId: string;
  readonly score: number;
  /** ISO 8601 UTC with milliseconds (`2026-11-21T10:00:00.000Z`). */
  readonly reachedAt: string;
}

/** Canonical `reachedAt`: always 24 characters, so keys stay fixed-width. */
export const canonicalTimestamp = (epochMs: number): string => new Date(epochMs).toISOString();

export function encodeRankKey(total: RankedTotal): string {
  if (!Number.isSafeInteger(total.score) || total.score < 0 || total.score > maxRankableScore) {
    throw new RankKeyError(`score ${total.score} is outside 0..${maxRankableScore}`);
  }
  if (total.reachedAt.length !== isoTimestampLength || !total.reachedAt.endsWith('Z')) {
    throw new RankKeyError(`reachedAt '${total.reachedAt}' is not a canonical ISO 8601 UTC timestamp`);
  }
  return `${rankKeyScorePart(total.score)}#${total.reachedAt}#${total.userId}`;
}

/**
 * The rank key's leading part for a score: the key of every total scoring `score` or less sorts
 * at or after it, so it bounds a range of the index by score.
 */
export const rankKeyScorePart = (score: number): string =>
  String(maxRankableScore - score).padStart(scoreDigits, '0');

export function decodeRankKey(rankKey: string): RankedTotal {
  const scorePart = rankKey.slice(0, scoreDigits);
  const reachedAt = rankKey.slice(scoreDigits + 1, scoreDigits + 1 + isoTimestampLength);
  const userId = rankKey.slice(scoreDigits + isoTimestampLength + 2);
  if (!/^\d{15}$/.test(scorePart) || userId.length === 0)
    throw new RankKeyError(`malformed rank key '${rankKey}'`);
  return { score: maxRankableScore - Number(scorePart), reachedAt, userId };
}

/** DynamoDB's order for string keys: UTF-8 bytes, which is Unicode code point order. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** The ranking order on totals (negative: `a` ranks first). */
export function compareTotals(a: RankedTotal, b: RankedTotal): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.reachedAt !== b.reachedAt) return a.reachedAt < b.reachedAt ? -1 : 1;
  return compareCodePoints(a.userId, b.userId);
}

/** FNV-1a (32 bit) over UTF-16 code units: stable across runtimes, cheap, well spread. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export const shardOf = (userId: string, shards: number): number => fnv1a32(userId) % shards;

export const scoreShardKey = (boardId: string, shard: number): string => `${boardId}#${shard}`;

/**
 * Merges shard tops (each already in ranking order, as the index returns them) into the
 * board's top `limit`.
 */
export function mergeShardTops<T extends RankedTotal>(
  shardTops: readonly (readonly T[])[],
  limit: number,
): T[] {
  return shardTops.flat().sort(compareTotals).slice(0, limit);
}

export interface RankedEntry {
  readonly rank: number;
  readonly previousRank: number | null;
  readonly userId: string;
  readonly displayName: string | null;
  readonly score: number;
}

/** Ordinal ranks for merged totals, each with its rank in the previous snapshot (null when new). */
export function rankEntries(
  ordered: readonly (RankedTotal & { readonly displayName?: string | null })[],
  previous: readonly RankedEntry[],
): RankedEntry[] {
  const previousRanks = new Map(previous.map((entry) => [entry.userId, entry.rank]));
  return ordered.map((total, index) => ({
    rank: index + 1,
    previousRank: previousRanks.get(total.userId) ?? null,
    userId: total.userId,
    displayName: total.displayName ?? null,
    score: total.score,
  }));
}

/** Whether a new ranking differs from the published one in anything a subscriber sees besides previousRank. */
export function rankingChanged(published: readonly RankedEntry[], next: readonly RankedEntry[]): boolean {
  if (published.length !== next.length) return true;
  return next.some((entry, index) => {
    const before = published[index]!;
    return (
      before.userId !== entry.userId ||
      before.score !== entry.score ||
      before.rank !== entry.rank ||
      (before.displayName ?? null) !== entry.displayName
    );
  });
}
