/**
 * recordActivities, step 4: one transaction that
 *   - puts each new activity, on condition its key is new;
 *   - counts them all in the caller's per-minute counter, on condition the limit holds for all;
 *   - adds each day and type's points to its daily counter, on condition the cap still holds.
 * Points are capped in input order, as separate calls in that order would have them. Any failed
 * condition cancels everything: a refused call leaves nothing behind, and a retry with the same
 * keys is safe.
 */
import { runtime, util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivitiesArgs } from '@leaderboard/core/generated/schema';
import { activityAttributes, activityKey, encodeActivity } from '@leaderboard/core/items/activity';
import {
  dailyPointsAddition,
  dailyPointsKey,
  rateCounterIncrement,
  rateCounterKey,
} from '@leaderboard/core/items/counters';
import { attributesBesidesKey, type ItemAttributes } from '@leaderboard/core/items/item';
import { pointsWithinDailyCap } from '@leaderboard/core/scoring';
import { storedActivity, type PendingActivity, type RecordActivitiesStash } from '../lib/activity.ts';
import { transactionCancellation } from '../lib/cancellation.ts';
import { endWithInternalFailure } from '../lib/errors.ts';
import { transactCondition, updateExpression } from '../lib/expressions.ts';
import { keyValues } from '../lib/keys.ts';

type RecordActivitiesContext = Context<MutationRecordActivitiesArgs, RecordActivitiesStash>;
type TransactWriteItem = DynamoDBTransactWriteItemsRequest['transactItems'][number];

/** Points a day and type's counter gets from this call, and an activity that names the counter. */
interface DailyAddition {
  readonly activity: PendingActivity;
  points: number;
}

function activityPut(table: string, activity: PendingActivity, stored: ItemAttributes): TransactWriteItem {
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

export function request(ctx: RecordActivitiesContext): DynamoDBTransactWriteItemsRequest {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const before = ctx.stash.dailyPointsBefore ?? {};
  const recorded = (ctx.stash.recorded ?? []).slice();
  const puts: TransactWriteItem[] = [];
  const putInputs: number[] = [];
  const additions: Record<string, DailyAddition> = {};
  const counters: string[] = [];
  ctx.stash.activities.forEach((activity, index) => {
    if (recorded[index]) return;
    const counter = dailyPointsKey(activity.userId, activity.day, activity.type).pk;
    if (!additions[counter]) counters.push(counter);
    const addition = additions[counter] ?? { activity, points: 0 };
    const counted = (before[counter] ?? 0) + addition.points;
    const points = pointsWithinDailyCap(activity.basePoints, counted, activity.maxPointsPerDay);
    additions[counter] = { activity: addition.activity, points: addition.points + points };
    const stored = encodeActivity(storedActivity(activity, points, ctx.stash.team.teamId));
    recorded[index] = stored;
    puts.push(activityPut(table, activity, stored));
    putInputs.push(index);
  });
  if (puts.length === 0) runtime.earlyReturn(null);
  ctx.stash.recorded = recorded;
  ctx.stash.putInputs = putInputs;
  const first = ctx.stash.activities[putInputs[0] as number] as PendingActivity;
  const rate = rateCounterIncrement(first.rateExpiresAt, serviceConfig.rateLimitPerMinute, puts.length);
  const items = puts.slice();
  items.push({
    table,
    operation: 'UpdateItem',
    key: keyValues(rateCounterKey(first.userId, first.minute)),
    update: updateExpression(rate.update),
    condition: transactCondition(rate.condition),
  });
  for (const counter of counters) {
    const addition = additions[counter] as DailyAddition;
    const activity = addition.activity;
    const daily = dailyPointsAddition(addition.points, activity.dailyExpiresAt, activity.maxPointsPerDay);
    items.push({
      table,
      operation: 'UpdateItem',
      key: keyValues(dailyPointsKey(activity.userId, activity.day, activity.type)),
      update: updateExpression(daily.update),
      condition: transactCondition(daily.condition),
    });
  }
  return { operation: 'TransactWriteItems', transactItems: items };
}

export function response(ctx: RecordActivitiesContext): unknown {
  if (!ctx.error) return null;
  const cancellation = transactionCancellation(ctx.result);
  const putInputs = ctx.stash.putInputs ?? [];
  putInputs.forEach((input, put) => {
    if (cancellation.conditionFailedAt(put)) {
      util.error(
        `inputs[${input}]: a concurrent call recorded an activity with this idempotencyKey; retry with the same keys, and the recorded one answers as it was recorded.`,
        errorTypes.conflict,
        null,
        { field: `inputs[${input}].idempotencyKey` },
      );
    }
  });
  if (cancellation.conditionFailedAt(putInputs.length)) {
    util.error(
      `Rate limit reached: at most ${serviceConfig.rateLimitPerMinute} activities per minute, and this call records ${putInputs.length}. Try again in a minute.`,
      errorTypes.rateLimited,
    );
  }
  // A daily counter's condition (the items after the rate counter), or another transaction.
  if (cancellation.conflicted || cancellation.conditionFailedFrom(putInputs.length + 1)) {
    util.error(
      'Another activity was recorded at the same moment; retry with the same idempotency keys.',
      errorTypes.conflict,
    );
  }
  return endWithInternalFailure(ctx.error);
}
