/** The latest published snapshot of a board: one GetItem, whatever the number of users. */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Leaderboard, QueryLeaderboardArgs } from '@leaderboard/core/generated/schema';
import { snapshotKey } from '@leaderboard/core/keys';
import { scoresKey } from './lib/keys.ts';
import { requireBoardId } from './lib/board.ts';
import { endOnDataSourceError } from './lib/errors.ts';
import { toEntries } from './lib/snapshot.ts';

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
  return { operation: 'GetItem', key: scoresKey(snapshotKey(boardId)) };
}

export function response(ctx: Context<QueryLeaderboardArgs, LeaderboardStash>): Leaderboard {
  endOnDataSourceError(ctx.error);
  const item = ctx.result as Record<string, unknown> | null;
  if (!item) {
    // No snapshot yet: an empty board rather than an error, so dashboards can subscribe and wait.
    return { boardId: ctx.stash.boardId, version: 0, asOf: util.time.nowISO8601(), entries: [] };
  }
  return {
    boardId: ctx.stash.boardId,
    version: item['version'] as number,
    asOf: item['asOf'] as string,
    entries: toEntries(item['entries']).slice(0, ctx.stash.limit),
  };
}
