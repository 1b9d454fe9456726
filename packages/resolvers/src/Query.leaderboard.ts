/** The latest published snapshot of a board, user or team board: one GetItem, whatever the number of users. */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Leaderboard, QueryLeaderboardArgs } from '@leaderboard/core/generated/schema';
import { isTeamBoardId } from '@leaderboard/core/boards';
import { parseSnapshot, snapshotKey } from '@leaderboard/core/items/snapshot';
import { parseTeamSnapshot } from '@leaderboard/core/items/team-snapshot';
import { teamBoardView } from '@leaderboard/core/team-board-view';
import { requireBoardId } from './lib/board.ts';
import { decodedOrInternalFailure, endOnDataSourceError } from './lib/errors.ts';
import { keyValues } from './lib/keys.ts';

interface LeaderboardStash {
  boardId: string;
  limit: number;
}

export function request(ctx: Context<QueryLeaderboardArgs, LeaderboardStash>): DynamoDBGetItemRequest {
  const boardId = requireBoardId(ctx.args.boardId);
  const limit = ctx.args.limit ?? serviceConfig.defaultLimit;
  if (limit < 1) util.error('limit must be at least 1.', errorTypes.validation, null, { field: 'limit' });
  ctx.stash.boardId = boardId;
  ctx.stash.limit = limit > serviceConfig.maxTopN ? serviceConfig.maxTopN : limit;
  return { operation: 'GetItem', key: keyValues(snapshotKey(boardId)) };
}

export function response(ctx: Context<QueryLeaderboardArgs, LeaderboardStash>): Leaderboard {
  endOnDataSourceError(ctx.error);
  const boardId = ctx.stash.boardId;
  const limit = ctx.stash.limit;
  const teamBoard = isTeamBoardId(boardId);
  if (!ctx.result) {
    // No snapshot yet: an empty board rather than an error, so dashboards can subscribe and wait.
    const empty = teamBoard ? teamBoardView([], [], limit) : { entries: [], teams: null };
    return { boardId, version: 0, asOf: util.time.nowISO8601(), ...empty };
  }
  if (teamBoard) {
    const snapshot = decodedOrInternalFailure(parseTeamSnapshot(ctx.result));
    const view = teamBoardView(snapshot.byPoints, snapshot.byPointsPerMember, limit);
    return { boardId, version: snapshot.version, asOf: snapshot.asOf, ...view };
  }
  const snapshot = decodedOrInternalFailure(parseSnapshot(ctx.result));
  return {
    boardId,
    version: snapshot.version,
    asOf: snapshot.asOf,
    entries: snapshot.entries.slice(0, limit),
    teams: null,
  };
}
