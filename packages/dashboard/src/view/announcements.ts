/**
 * The short sentence the live region reads when a new snapshot replaces the shown one: who
 * took the lead and who moved, not the whole table (a wall screen updates every minute).
 */
import { movementOf } from './movement.ts';
import type { BoardEntry, BoardSnapshot } from './snapshot.ts';

/** How many movers one announcement names at most. */
export const maxAnnouncedMovers = 3;

export const entryName = (entry: Pick<BoardEntry, 'displayName' | 'userId'>): string =>
  entry.displayName?.trim() || entry.userId;

export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  switch (rank % 10) {
    case 1:
      return `${rank}st`;
    case 2:
      return `${rank}nd`;
    case 3:
      return `${rank}rd`;
    default:
      return `${rank}th`;
  }
}

export function describeUpdate(previous: BoardSnapshot | undefined, next: BoardSnapshot): string {
  if (next.entries.length === 0) return 'No scores on this board yet.';
  const leader = next.entries[0]!;
  const parts: string[] = [];
  const previousLeader = previous?.boardId === next.boardId ? previous.entries[0] : undefined;
  if (previousLeader === undefined || previousLeader.userId !== leader.userId) {
    parts.push(`${entryName(leader)} leads with ${leader.score} points.`);
  }
  const movers = next.entries
    .filter((entry) => entry.userId !== leader.userId || previousLeader?.userId === leader.userId)
    .map((entry) => ({ entry, movement: movementOf(entry) }))
    .filter(({ movement }) => movement.kind === 'up' || movement.kind === 'new')
    .slice(0, maxAnnouncedMovers);
  for (const { entry, movement } of movers) {
    parts.push(
      movement.kind === 'new'
        ? `${entryName(entry)} enters at ${ordinal(entry.rank)}.`
        : `${entryName(entry)} moves up to ${ordinal(entry.rank)}.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : 'Scores updated.';
}
