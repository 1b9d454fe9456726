import type { LeaderboardEntry } from '@leaderboard/core/generated/schema';

export interface StandingStash {
  userId: string;
  boardId: string;
  total?: { score: number } | null;
  snapshot?: { version: number; entries: LeaderboardEntry[] } | null;
}
