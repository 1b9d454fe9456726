import type { LeaderboardEntry } from '@leaderboard/core/generated/schema';

/** What the standing Lambda answers (`readLiveStanding` in the functions package). */
export interface LiveStanding {
  readonly rank: number;
  readonly exact: boolean;
  readonly rankedUsers: number;
  readonly above: LeaderboardEntry[];
  readonly below: LeaderboardEntry[];
}

export interface StandingStash {
  userId: string;
  boardId: string;
  /** Entries wanted on each side of the caller. */
  around: number;
  total?: { score: number; reachedAt: string } | null;
  snapshot?: { version: number; asOf: string; entries: LeaderboardEntry[] } | null;
  /** Set when the snapshot could not answer. */
  live?: LiveStanding | null;
  /** An admin left the caller out of this board: no rank, no neighbours. */
  disqualified?: boolean;
}

/**
 * The caller's index in the snapshot when the snapshot answers alone: the caller is in it with
 * `around` entries below them (those above always are); -1 otherwise.
 */
export function snapshotIndexOfCaller(stash: StandingStash): number {
  const snapshot = stash.snapshot;
  if (!snapshot) return -1;
  let found = -1;
  snapshot.entries.forEach((entry, index) => {
    if (entry.userId === stash.userId) found = index;
  });
  return found >= 0 && found + stash.around < snapshot.entries.length ? found : -1;
}
