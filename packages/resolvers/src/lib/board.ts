import { globalBoardId, parseBoardId } from '@leaderboard/core/boards';
import { endWith } from './errors.ts';

/** The board a query names (default `global`); an unknown form ends the field with a ValidationError. */
export function requireBoardId(boardId: string | null | undefined): string {
  const outcome = parseBoardId(boardId ?? globalBoardId);
  if (!outcome.ok) return endWith(outcome.error);
  return outcome.value.boardId;
}
