import type { LeaderboardEntry } from '@leaderboard/core/generated/schema';

/** A snapshot item's entries in their GraphQL shape (absent optional fields become null). */
export function toEntries(stored: unknown): LeaderboardEntry[] {
  const entries: LeaderboardEntry[] = [];
  if (!Array.isArray(stored)) return entries;
  for (const entry of stored as Record<string, unknown>[]) {
    entries.push({
      rank: entry['rank'] as number,
      previousRank: (entry['previousRank'] as number | null | undefined) ?? null,
      userId: entry['userId'] as string,
      displayName: (entry['displayName'] as string | null | undefined) ?? null,
      score: entry['score'] as number,
    });
  }
  return entries;
}
