/** recordActivity, step 2: points of this type already counted for the caller on the activity's day. */
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { getActivitiesItem, type RecordActivityStash } from '../lib/activity.ts';
import { endOnDataSourceError } from '../lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  if (ctx.stash.recorded) runtime.earlyReturn(ctx.stash.recorded, { skipTo: 'END' });
  return getActivitiesItem(ctx.stash.activity.dailyPk);
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): number {
  endOnDataSourceError(ctx.error);
  const counted = ctx.result ? (ctx.result as Record<string, unknown>)['points'] : 0;
  ctx.stash.dailyPointsBefore = typeof counted === 'number' ? counted : 0;
  return ctx.stash.dailyPointsBefore;
}
