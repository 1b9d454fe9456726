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
import { encodeActivity } from '@leaderboard/core/items/activity';
import { dailyPointsKey } from '@leaderboard/core/items/counters';
import type { ItemAttributes } from '@leaderboard/core/items/item';
import { pointsWithinDailyCap } from '@leaderboard/core/scoring';
import { storedActivity, type PendingActivity, type RecordActivitiesStash } from '../lib/activity.ts';
import { transactionCancellation } from '../lib/cancellation.ts';
import { endWithInternalFailure } from '../lib/errors.ts';
import {
  activityPut,
  dailyCounterUpdate,
  rateCounterUpdate,
  type TransactItem,
} from '../lib/recording-writes.ts';

type RecordActivitiesContext = Context<MutationRecordActivitiesArgs, RecordActivitiesStash>;

/** What the daily counter of one day and type gets from this call, and an activity that names it. */
interface DailyAddition {
  readonly activity: PendingActivity;
  readonly points: number;
}

/** The puts of the activities not recorded yet, their points capped in input order. */
interface PlannedPuts {
  readonly puts: TransactItem[];
  /** The input each put records. */
  readonly putInputs: number[];
  /** Every input's activity: recorded before, or as this call puts it. */
  readonly recorded: Array<ItemAttributes | null>;
  /** In the order of their first activity. */
  readonly additions: DailyAddition[];
}

function planPuts(ctx: RecordActivitiesContext, table: string): PlannedPuts {
  const before = ctx.stash.dailyPointsBefore ?? {};
  const recorded = (ctx.stash.recorded ?? []).slice();
  const plan: PlannedPuts = { puts: [], putInputs: [], recorded, additions: [] };
  const additionOf: Record<string, number> = {};
  ctx.stash.activities.forEach((activity, index) => {
    if (recorded[index]) return;
    const counter = dailyPointsKey(activity.userId, activity.day, activity.type).pk;
    if (additionOf[counter] === undefined) {
      additionOf[counter] = plan.additions.length;
      plan.additions.push({ activity, points: 0 });
    }
    const at = additionOf[counter] as number;
    const addition = plan.additions[at] as DailyAddition;
    const counted = (before[counter] ?? 0) + addition.points;
    const points = pointsWithinDailyCap(activity.basePoints, counted, activity.maxPointsPerDay);
    plan.additions[at] = { activity: addition.activity, points: addition.points + points };
    const stored = encodeActivity(storedActivity(activity, points, ctx.stash.team.teamId));
    recorded[index] = stored;
    plan.puts.push(activityPut(table, activity, stored));
    plan.putInputs.push(index);
  });
  return plan;
}

export function request(ctx: RecordActivitiesContext): DynamoDBTransactWriteItemsRequest {
  const table = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const plan = planPuts(ctx, table);
  if (plan.puts.length === 0) runtime.earlyReturn(null);
  ctx.stash.recorded = plan.recorded;
  ctx.stash.putInputs = plan.putInputs;
  const first = ctx.stash.activities[plan.putInputs[0] as number] as PendingActivity;
  const items = plan.puts.slice();
  items.push(rateCounterUpdate(table, first, plan.puts.length));
  for (const addition of plan.additions)
    items.push(dailyCounterUpdate(table, addition.activity, addition.points));
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
