/** What each row shows besides its entry: a score bar against the leader, a medal, whose row it is. */
import { movementOf, type Movement } from './movement.ts';
import type { BoardEntry } from './snapshot.ts';

export type Medal = 'gold' | 'silver' | 'bronze';

const medals: readonly Medal[] = ['gold', 'silver', 'bronze'];

/** Ranks 1 to 3 (tied ranks share a medal, as they share the rank). */
export const medalFor = (rank: number): Medal | undefined => medals[rank - 1];

/** The bar's length as a share of the leader's: 0 to 1, and 0 on a board without points. */
export function barShare(score: number, leaderScore: number): number {
  if (!(leaderScore > 0) || !(score > 0)) return 0;
  return Math.min(1, score / leaderScore);
}

export interface RowModel {
  readonly entry: BoardEntry;
  readonly movement: Movement;
  readonly share: number;
  readonly medal: Medal | undefined;
  readonly own: boolean;
}

export function rowModels(entries: readonly BoardEntry[], ownUserId?: string): RowModel[] {
  const leaderScore = Math.max(0, ...entries.map((entry) => entry.score));
  return entries.map((entry) => ({
    entry,
    movement: movementOf(entry),
    share: barShare(entry.score, leaderScore),
    medal: medalFor(entry.rank),
    own: ownUserId !== undefined && entry.userId === ownUserId,
  }));
}
