/** recordActivity, step 1: an activity already stored under this key is the answer (idempotent retry). */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { activityKey } from '@leaderboard/core/items/activity';
import { getActivitiesItem, type RecordActivityStash } from '../lib/activity.ts';
import { endOnDataSourceError } from '../lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  const activity = ctx.stash.activity;
  return getActivitiesItem(activityKey(activity.userId, activity.key));
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.recorded = ctx.result ?? null;
  return ctx.result;
}
