/** recordActivity, step 2: points of this type already counted for the caller on the activity's day. */
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { dailyPointsKey, parseDailyPoints } from '@leaderboard/core/items/counters';
import { getActivitiesItem, type RecordActivityStash } from '../lib/activity.ts';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  if (ctx.stash.recorded) runtime.earlyReturn(ctx.stash.recorded, { skipTo: 'END' });
  const activity = ctx.stash.activity;
  return getActivitiesItem(dailyPointsKey(activity.userId, activity.day, activity.type));
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): number {
  endOnDataSourceError(ctx.error);
  ctx.stash.dailyPointsBefore = ctx.result
    ? decodedOrInternalFailure(parseDailyPoints(ctx.result)).points
    : 0;
  return ctx.stash.dailyPointsBefore;
}
