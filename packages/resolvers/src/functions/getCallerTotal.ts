/** myStanding, step 1: the caller's total on the board. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { scoresKey } from '../lib/keys.ts';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import { totalKey } from '@leaderboard/core/keys';
import { endOnDataSourceError } from '../lib/errors.ts';
import type { StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): DynamoDBGetItemRequest {
  return {
    operation: 'GetItem',
    key: scoresKey(totalKey(ctx.stash.userId, ctx.stash.boardId)),
    projection: { expression: 'score' },
  };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): unknown {
  endOnDataSourceError(ctx.error);
  const item = ctx.result as Record<string, unknown> | null;
  ctx.stash.total = item ? { score: item['score'] as number } : null;
  return ctx.stash.total;
}
