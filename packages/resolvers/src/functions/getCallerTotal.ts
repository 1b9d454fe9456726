/** myStanding, step 1: the caller's total on the board. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import { parseTotal, totalKey } from '@leaderboard/core/items/total';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';
import type { StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: keyValues(totalKey(ctx.stash.userId, ctx.stash.boardId)) };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): unknown {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) {
    ctx.stash.total = null;
    return null;
  }
  const total = decodedOrInternalFailure(parseTotal(ctx.result));
  ctx.stash.total = { score: total.score, reachedAt: total.reachedAt };
  return ctx.stash.total;
}
