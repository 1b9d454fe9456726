/**
 * recordActivity, step 3: one transaction that
 *   0. puts the activity, on condition its key is new (idempotency, even for racing calls);
 *   1. counts it in the caller's per-minute counter, on condition the limit is not reached;
 *   2. adds its points to the caller's per-day counter for the type, on condition the cap
 *      still holds, so the points credited are exact even when calls race.
 * Any failed condition cancels all three: a refused activity leaves nothing behind.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { encodeActivity } from '@leaderboard/core/items/activity';
import { pointsWithinDailyCap } from '@leaderboard/core/scoring';
import { storedActivity, type RecordActivityStash } from '../lib/activity.ts';
import { transactionCancellation } from '../lib/cancellation.ts';
import { endWithInternalFailure } from '../lib/errors.ts';
import { activityPut, dailyCounterUpdate, rateCounterUpdate } from '../lib/recording-writes.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBTransactWriteItemsRequest {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const activity = ctx.stash.activity;
  const points = pointsWithinDailyCap(
    activity.basePoints,
    ctx.stash.dailyPointsBefore ?? 0,
    activity.maxPointsPerDay,
  );
  const stored = encodeActivity(storedActivity(activity, points, ctx.stash.team.teamId));
  ctx.stash.recorded = stored;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      activityPut(table, activity, stored),
      rateCounterUpdate(table, activity, 1),
      dailyCounterUpdate(table, activity, points),
    ],
  };
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  if (!ctx.error) return ctx.stash.recorded;
  const cancellation = transactionCancellation(ctx.result);
  if (cancellation.conditionFailedAt(0)) {
    // A concurrent call with the same key won: its activity is the answer.
    ctx.stash.raced = true;
    ctx.stash.recorded = null;
    return null;
  }
  if (cancellation.conditionFailedAt(1)) {
    util.error(
      `Rate limit reached: at most ${serviceConfig.rateLimitPerMinute} activities per minute. Try again in a minute.`,
      errorTypes.rateLimited,
    );
  }
  if (cancellation.conditionFailedAt(2)) {
    util.error(
      'Another activity of this type was recorded at the same moment; retry with the same idempotencyKey.',
      errorTypes.conflict,
    );
  }
  if (cancellation.conflicted) {
    // Another transaction held one of the items (often a racing call with the same key): read
    // the activity back; if nobody wrote it, the caller is asked to retry with the same key.
    ctx.stash.raced = true;
    ctx.stash.conflicted = true;
    ctx.stash.recorded = null;
    return null;
  }
  return endWithInternalFailure(ctx.error);
}
