/**
 * The items of a recording transaction (`recordActivity`, `recordActivities`): each activity's
 * conditional put, the minute's rate counter and each day and type's points counter.
 */
import { util, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { activityAttributes, activityKey } from '@leaderboard/core/items/activity';
import {
  dailyPointsAddition,
  dailyPointsKey,
  rateCounterIncrement,
  rateCounterKey,
} from '@leaderboard/core/items/counters';
import { attributesBesidesKey, type ItemAttributes } from '@leaderboard/core/items/item';
import type { PendingActivity } from './activity.ts';
import { transactCondition, updateExpression } from './expressions.ts';
import { keyValues } from './keys.ts';

export type TransactItem = DynamoDBTransactWriteItemsRequest['transactItems'][number];

/** Puts the activity, on condition its key is new (idempotency, even for racing calls). */
export function activityPut(table: string, activity: PendingActivity, stored: ItemAttributes): TransactItem {
  return {
    table,
    operation: 'PutItem',
    key: keyValues(activityKey(activity.userId, activity.key)),
    attributeValues: util.dynamodb.toMapValues(attributesBesidesKey(stored, [activityAttributes.pk])),
    condition: transactCondition({
      expression: 'attribute_not_exists(#pk)',
      names: { '#pk': activityAttributes.pk },
      values: {},
    }),
  };
}

/** Counts `activities` in the minute of `activity`, on condition the per-minute limit holds with them. */
export function rateCounterUpdate(
  table: string,
  activity: PendingActivity,
  activities: number,
): TransactItem {
  const rate = rateCounterIncrement(activity.rateExpiresAt, serviceConfig.rateLimitPerMinute, activities);
  return {
    table,
    operation: 'UpdateItem',
    key: keyValues(rateCounterKey(activity.userId, activity.minute)),
    update: updateExpression(rate.update),
    condition: transactCondition(rate.condition),
  };
}

/** Adds `points` to the day and type of `activity`, on condition the daily cap still holds. */
export function dailyCounterUpdate(table: string, activity: PendingActivity, points: number): TransactItem {
  const daily = dailyPointsAddition(points, activity.dailyExpiresAt, activity.maxPointsPerDay);
  return {
    table,
    operation: 'UpdateItem',
    key: keyValues(dailyPointsKey(activity.userId, activity.day, activity.type)),
    update: updateExpression(daily.update),
    condition: transactCondition(daily.condition),
  };
}
