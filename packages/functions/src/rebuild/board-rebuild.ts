/** What rebuilding one board needs, and what it did. */
import type { Disqualification } from '@leaderboard/core/items/disqualification';
import type { BoardTopSource } from './board-top.ts';
import type { LeaderboardPublisher } from './publisher.ts';
import type { SnapshotStore } from './snapshots.ts';

export interface BoardRebuildDependencies extends BoardTopSource, SnapshotStore {
  readonly topN: number;
  readonly publish: LeaderboardPublisher;
  /** The disqualifications, when a run read them once for all its boards; read per board otherwise. */
  readonly disqualifications?: readonly Disqualification[];
}

export type BoardRebuildOutcome =
  /** A new version was written and published. */
  | 'published'
  /** Same ranking as the latest snapshot: nothing written, nothing published. */
  | 'unchanged'
  /** Same ranking, but the latest snapshot had not reached subscribers; it was published now. */
  | 'republished'
  /** Another rebuilder wrote this version first; it publishes it. */
  | 'lost-race';

export interface BoardRebuildResult {
  readonly boardId: string;
  readonly outcome: BoardRebuildOutcome;
  readonly version: number;
  readonly itemsRead: number;
}
