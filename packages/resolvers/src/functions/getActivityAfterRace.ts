/** recordActivity, step 4: after losing a race on the same key (or a transaction conflict), answer with the stored activity. */
import { runtime, util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { activityKey } from '@leaderboard/core/items/activity';
import { getActivitiesItem, type RecordActivityStash } from '../lib/activity.ts';
import { endOnDataSourceError } from '../lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  if (!ctx.stash.raced) runtime.earlyReturn(ctx.stash.recorded, { skipTo: 'END' });
  const activity = ctx.stash.activity;
  return getActivitiesItem(activityKey(activity.userId, activity.key));
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) {
    if (ctx.stash.conflicted) {
      util.error(
        'The activity met a concurrent write and was not recorded; retry with the same idempotencyKey.',
        errorTypes.conflict,
      );
    }
    util.error('The activity could not be read back.', errorTypes.internal);
  }
  ctx.stash.recorded = ctx.result;
  return ctx.result;
}
