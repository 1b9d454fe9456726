/**
 * reverseActivity, step 2: one transaction that
 *   0. puts the reversal, on condition there is none (the worker applies it, once);
 *   1. marks the activity reversed, on condition it exists and is not reversed yet;
 *   2-3. keeps the action in the audit trail, with the user's pointer to the entry.
 * A lost race with another admin's reversal of the same activity fails 0 or 1 and writes nothing.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationReverseActivityArgs } from '@leaderboard/core/generated/schema';
import { activityAttributes, activityKey } from '@leaderboard/core/items/activity';
import { auditActions } from '@leaderboard/core/items/audit-record';
import { attributesBesidesKey } from '@leaderboard/core/items/item';
import {
  encodeReversal,
  reversalAttributes,
  reversalKey,
  type StoredReversal,
} from '@leaderboard/core/items/reversal';
import { endWithInternalFailure } from '../lib/errors.ts';
import { transactCondition, updateExpression } from '../lib/expressions.ts';
import { keyValues } from '../lib/keys.ts';
import { auditItems, auditRecord } from '../lib/operators.ts';
import type { ReverseActivityStash } from '../lib/reversal.ts';
import { transactionCancellation } from '../lib/cancellation.ts';

export function request(
  ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>,
): DynamoDBTransactWriteItemsRequest {
  const stash = ctx.stash;
  const activity = stash.activity!;
  const activities = ctx.env[apiEnvironmentKeys.activitiesTable] as string;
  const scores = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  const reversal: StoredReversal = {
    userId: stash.userId,
    activityKey: stash.activityKey,
    reversedBy: stash.admin,
    reason: stash.reason,
    reversedAt: util.time.nowISO8601(),
    processedAt: null,
  };
  stash.reversal = reversal;
  const names = activityAttributes;
  const audit = auditRecord({
    action: auditActions.reverseActivity,
    actor: stash.admin,
    reason: stash.reason,
    subjectUserId: stash.userId,
    target: stash.activityKey,
    details: { activityId: activity.id, points: activity.points, type: activity.type },
  });
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: activities,
        operation: 'PutItem',
        key: keyValues(reversalKey(reversal.userId, reversal.activityKey)),
        attributeValues: util.dynamodb.toMapValues(
          attributesBesidesKey(encodeReversal(reversal), [reversalAttributes.pk]),
        ),
        condition: transactCondition({
          expression: 'attribute_not_exists(#pk)',
          names: { '#pk': reversalAttributes.pk },
          values: {},
        }),
      },
      {
        table: activities,
        operation: 'UpdateItem',
        key: keyValues(activityKey(stash.userId, stash.activityKey)),
        update: updateExpression({
          expression: 'SET #reversedAt = :at, #reversedBy = :by, #reason = :reason',
          names: {
            '#reversedAt': names.reversedAt,
            '#reversedBy': names.reversedBy,
            '#reason': names.reversalReason,
          },
          values: { ':at': reversal.reversedAt, ':by': reversal.reversedBy, ':reason': reversal.reason },
        }),
        condition: transactCondition({
          expression: 'attribute_exists(#pk) AND attribute_not_exists(#reversedAt)',
          names: { '#pk': names.pk, '#reversedAt': names.reversedAt },
          values: {},
        }),
      },
      ...auditItems(scores, audit),
    ],
  };
}

export function response(ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>): unknown {
  if (!ctx.error) return ctx.stash.reversal;
  const cancellation = transactionCancellation(ctx.result);
  if (cancellation.conditionFailedAt(0) || cancellation.conditionFailedAt(1)) {
    util.error('This activity was reversed meanwhile.', errorTypes.validation, null, {
      field: 'activityKey',
    });
  }
  if (cancellation.conflicted) {
    util.error('The activity was changing at the same moment; try again.', errorTypes.conflict);
  }
  return endWithInternalFailure(ctx.error);
}
