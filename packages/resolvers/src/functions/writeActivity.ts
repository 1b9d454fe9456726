/**
 * recordActivity, step 3: one transaction that
 *   0. puts the activity, on condition its key is new (idempotency, even for racing calls);
 *   1. counts it in the caller's per-minute counter, on condition the limit is not reached;
 *   2. adds its points to the caller's per-day counter for the type, on condition the cap
 *      still holds, so the points credited are exact even when calls race.
 * Any failed condition cancels all three: a refused activity leaves nothing behind.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { itemKinds } from '@leaderboard/core/keys';
import { pointsWithinDailyCap } from '@leaderboard/core/scoring';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import type { RecordActivityStash } from '../lib/activity.ts';
import { endWithInternalFailure } from '../lib/errors.ts';

interface CancellationReason {
  readonly type: string;
  readonly message?: string | null;
}

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
  const stored: Record<string, unknown> = {
    kind: itemKinds.activity,
    id: activity.id,
    userId: activity.userId,
    displayName: activity.displayName,
    type: activity.type,
    quantity: activity.quantity,
    points,
    basePoints: activity.basePoints,
    occurredAt: activity.occurredAt,
    recordedAt: activity.recordedAt,
  };
  if (activity.programId) stored['programId'] = activity.programId;
  if (activity.idempotencyKey) stored['idempotencyKey'] = activity.idempotencyKey;
  ctx.stash.recorded = { pk: activity.pk, ...stored };
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ pk: activity.pk }),
        attributeValues: util.dynamodb.toMapValues(stored),
        condition: { expression: 'attribute_not_exists(pk)', returnValuesOnConditionCheckFailure: false },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ pk: activity.ratePk }),
        update: {
          expression: 'ADD #count :one SET #kind = :kind, expiresAt = :expiresAt',
          expressionNames: { '#count': 'count', '#kind': 'kind' },
          expressionValues: util.dynamodb.toMapValues({
            ':one': 1,
            ':kind': itemKinds.rateCounter,
            ':expiresAt': activity.rateExpiresAt,
          }),
        },
        condition: {
          expression: 'attribute_not_exists(#count) OR #count < :limit',
          expressionNames: { '#count': 'count' },
          expressionValues: util.dynamodb.toMapValues({ ':limit': serviceConfig.rateLimitPerMinute }),
          returnValuesOnConditionCheckFailure: false,
        },
      },
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ pk: activity.dailyPk }),
        update: {
          expression: 'ADD points :points SET #kind = :kind, expiresAt = :expiresAt',
          expressionNames: { '#kind': 'kind' },
          expressionValues: util.dynamodb.toMapValues({
            ':points': points,
            ':kind': itemKinds.dailyPoints,
            ':expiresAt': activity.dailyExpiresAt,
          }),
        },
        condition: {
          expression: 'attribute_not_exists(points) OR points <= :room',
          expressionValues: util.dynamodb.toMapValues({ ':room': activity.maxPointsPerDay - points }),
          returnValuesOnConditionCheckFailure: false,
        },
      },
    ],
  };
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  if (!ctx.error) return ctx.stash.recorded;
  const result = ctx.result as { cancellationReasons?: CancellationReason[] | null } | null;
  const reasons = result && result.cancellationReasons ? result.cancellationReasons : [];
  const failed = (index: number): boolean => {
    const reason = reasons[index];
    return reason !== undefined && reason.type === 'ConditionalCheckFailed';
  };
  if (failed(0)) {
    // A concurrent call with the same key won: its activity is the answer.
    ctx.stash.raced = true;
    ctx.stash.recorded = null;
    return null;
  }
  if (failed(1)) {
    util.error(
      `Rate limit reached: at most ${serviceConfig.rateLimitPerMinute} activities per minute. Try again in a minute.`,
      errorTypes.rateLimited,
    );
  }
  if (failed(2)) {
    util.error(
      'Another activity of this type was recorded at the same moment; retry with the same idempotencyKey.',
      errorTypes.conflict,
    );
  }
  if (reasons.some((reason) => reason.type === 'TransactionConflict')) {
    // Another transaction held one of the items (often a racing call with the same key): read
    // the activity back; if nobody wrote it, the caller is asked to retry with the same key.
    ctx.stash.raced = true;
    ctx.stash.conflicted = true;
    ctx.stash.recorded = null;
    return null;
  }
  return endWithInternalFailure(ctx.error);
}
