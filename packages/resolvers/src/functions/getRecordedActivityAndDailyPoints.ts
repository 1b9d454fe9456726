/**
 * recordActivity, step 1: in one consistent BatchGetItem, the activity already stored under this
 * key, which is the answer to an idempotent retry, and the points of this type already counted for
 * the caller on the activity's day (the daily cap). One read instead of two: every activity pays it.
 */
import type { Context, DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { activityKey } from '@leaderboard/core/items/activity';
import { dailyPointsKey, parseDailyPoints } from '@leaderboard/core/items/counters';
import type { RecordActivityStash } from '../lib/activity.ts';
import { batchGetItems } from '../lib/batch-get.ts';
import { decodedOrInternalFailure } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBBatchGetItemRequest {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const activity = ctx.stash.activity;
  return {
    operation: 'BatchGetItem',
    tables: {
      [table]: {
        keys: [
          keyValues(activityKey(activity.userId, activity.key)),
          keyValues(dailyPointsKey(activity.userId, activity.day, activity.type)),
        ],
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const items = batchGetItems(ctx.error, ctx.result, table);
  const recorded = items[0] ?? null;
  const daily = items[1] ?? null;
  ctx.stash.recorded = recorded;
  ctx.stash.dailyPointsBefore = daily ? decodedOrInternalFailure(parseDailyPoints(daily)).points : 0;
  return recorded;
}
