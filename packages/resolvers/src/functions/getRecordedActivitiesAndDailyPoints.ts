/**
 * recordActivities, step 1: in one consistent BatchGetItem, each input's activity if its key is
 * recorded already (a retried call answers with it) and the points already counted on each day and
 * type the inputs name (the daily cap).
 */
import type { Context, DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import type { MutationRecordActivitiesArgs } from '@leaderboard/core/generated/schema';
import { activityKey } from '@leaderboard/core/items/activity';
import { parseDailyPoints } from '@leaderboard/core/items/counters';
import { dailyCounterKeys, type RecordActivitiesStash } from '../lib/activity.ts';
import { batchGetItems } from '../lib/batch-get.ts';
import { decodedOrInternalFailure } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';

export function request(
  ctx: Context<MutationRecordActivitiesArgs, RecordActivitiesStash>,
): DynamoDBBatchGetItemRequest {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const activities = ctx.stash.activities;
  const keys = activities.map((activity) => keyValues(activityKey(activity.userId, activity.key)));
  for (const dailyKey of dailyCounterKeys(activities)) keys.push(keyValues(dailyKey));
  return { operation: 'BatchGetItem', tables: { [table]: { keys, consistentRead: true } } };
}

export function response(ctx: Context<MutationRecordActivitiesArgs, RecordActivitiesStash>): unknown {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const items = batchGetItems(ctx.error, ctx.result, table);
  const activities = ctx.stash.activities;
  const before: Record<string, number> = {};
  dailyCounterKeys(activities).forEach((dailyKey, index) => {
    const daily = items[activities.length + index];
    before[dailyKey.pk] = daily ? decodedOrInternalFailure(parseDailyPoints(daily)).points : 0;
  });
  ctx.stash.recorded = activities.map((_activity, index) => items[index] ?? null);
  ctx.stash.dailyPointsBefore = before;
  return null;
}
