/** The latest published snapshot of a board: one GetItem, whatever the number of users. */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Leaderboard, QueryLeaderboardArgs } from '@leaderboard/core/generated/schema';
import { parseSnapshot, snapshotKey } from '@leaderboard/core/items/snapshot';
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
  if (!ctx.result) {
    // No snapshot yet: an empty board rather than an error, so dashboards can subscribe and wait.
    return { boardId: ctx.stash.boardId, version: 0, asOf: util.time.nowISO8601(), entries: [] };
  }
  const snapshot = decodedOrInternalFailure(parseSnapshot(ctx.result));
  return {
    boardId: ctx.stash.boardId,
    version: snapshot.version,
    asOf: snapshot.asOf,
    entries: snapshot.entries.slice(0, ctx.stash.limit),
  };
}
