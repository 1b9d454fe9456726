/** reverseActivity, step 1: the activity, which must exist and not be reversed yet. */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationReverseActivityArgs } from '@leaderboard/core/generated/schema';
import { activityKey, parseActivity, type StoredActivity } from '@leaderboard/core/items/activity';
import { getActivitiesItem } from '../lib/activity.ts';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import type { ReverseActivityStash } from '../lib/reversal.ts';

export function request(
  ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>,
): DynamoDBGetItemRequest {
  return getActivitiesItem(activityKey(ctx.stash.userId, ctx.stash.activityKey));
}

export function response(ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>): StoredActivity {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) {
    util.error('This user has no activity with this key.', errorTypes.notFound, null, {
      field: 'activityKey',
    });
  }
  const activity = decodedOrInternalFailure(parseActivity(ctx.result));
  if (activity.reversal) {
    util.error(`This activity was reversed at ${activity.reversal.at}.`, errorTypes.validation, null, {
      field: 'activityKey',
    });
  }
  ctx.stash.activity = activity;
  return activity;
}
