import { util } from '@aws-appsync/utils';
import { globalBoardId, isTeamBoardId, parseBoardId } from '@leaderboard/core/boards';
import { errorTypes } from '@leaderboard/core/errors';
import { endWith } from './errors.ts';

/** The board a query names (default `global`); an unknown form ends the field with a ValidationError. */
export function requireBoardId(boardId: string | null | undefined): string {
  const outcome = parseBoardId(boardId ?? globalBoardId);
  if (!outcome.ok) return endWith(outcome.error);
  return outcome.value.boardId;
}

/** A board that ranks users, not teams; a team board ends the field with a ValidationError. */
export function requireUserBoardId(boardId: string | null | undefined): string {
  const valid = requireBoardId(boardId);
  if (isTeamBoardId(valid)) {
    util.error('A team board ranks teams, not users: name a user board.', errorTypes.validation, null, {
      field: 'boardId',
    });
  }
  return valid;
}
