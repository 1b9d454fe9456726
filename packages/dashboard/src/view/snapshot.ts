/**
 * The board a screen shows and the rule that keeps it from going back in time: a snapshot
 * replaces the shown one only when it is for the same board and has a higher version. The
 * query for the first paint and the subscription race each other, and a reconnect replays
 * a read, so older or repeated snapshots do arrive and are dropped here.
 */
import type { LeaderboardFieldsFragment } from '@leaderboard/core/generated/operations';

export type BoardSnapshot = LeaderboardFieldsFragment;
export type BoardEntry = BoardSnapshot['entries'][number];

export type SnapshotDecision = 'show' | 'older' | 'same' | 'other-board';

export function decideSnapshot(
  shown: BoardSnapshot | undefined,
  incoming: BoardSnapshot,
  selectedBoardId: string,
): SnapshotDecision {
  if (incoming.boardId !== selectedBoardId) return 'other-board';
  if (shown === undefined || shown.boardId !== selectedBoardId) return 'show';
  if (incoming.version > shown.version) return 'show';
  return incoming.version === shown.version ? 'same' : 'older';
}

/** The shown snapshot after `incoming` arrives: `incoming` when it is newer, else unchanged. */
export function nextSnapshot(
  shown: BoardSnapshot | undefined,
  incoming: BoardSnapshot,
  selectedBoardId: string,
): BoardSnapshot | undefined {
  return decideSnapshot(shown, incoming, selectedBoardId) === 'show' ? incoming : shown;
}
