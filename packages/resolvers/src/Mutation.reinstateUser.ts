/**
 * Ends a disqualification (admins only): one transaction marks it reinstated, on condition it is
 * in force, and keeps the action in the audit trail. The entry stays until the rebuilder has seen
 * it (it expires a day later); the user is back on the boards at the next rebuild.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import type {
  Disqualification as DisqualificationView,
  MutationReinstateUserArgs,
} from '@leaderboard/core/generated/schema';
import { auditActions } from '@leaderboard/core/items/audit-record';
import { disqualificationAttributes, disqualificationKey } from '@leaderboard/core/items/disqualification';
import { requireAdmin } from './lib/caller.ts';
import {
  disqualificationResponse,
  requireDisqualificationInput,
  type DisqualificationStash,
} from './lib/disqualification.ts';
import { transactCondition, updateExpression } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';
import { auditItems, auditRecord } from './lib/operators.ts';

export function request(
  ctx: Context<MutationReinstateUserArgs, DisqualificationStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const input = requireDisqualificationInput(ctx.args.input);
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  const at = util.time.nowISO8601();
  const names = disqualificationAttributes;
  ctx.stash.view = { ...input, disqualified: false, by: admin.userId, at };
  const audit = auditRecord({
    action: auditActions.reinstateUser,
    actor: admin.userId,
    reason: input.reason,
    subjectUserId: input.userId,
    target: input.boardId,
    details: {},
  });
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table,
        operation: 'UpdateItem',
        key: keyValues(disqualificationKey(input.userId, input.boardId)),
        update: updateExpression({
          expression: 'SET #by = :by, #at = :at, #reason = :reason, #expiresAt = :expiresAt',
          names: {
            '#by': names.reinstatedBy,
            '#at': names.reinstatedAt,
            '#reason': names.reinstateReason,
            '#expiresAt': names.expiresAt,
          },
          values: {
            ':by': admin.userId,
            ':at': at,
            ':reason': input.reason,
            ':expiresAt':
              Math.floor(util.time.nowEpochMilliSeconds() / 1000) + serviceConfig.boardChangeTtlSeconds,
          },
        }),
        condition: transactCondition({
          expression: 'attribute_exists(#pk) AND attribute_not_exists(#at)',
          names: { '#pk': names.pk, '#at': names.reinstatedAt },
          values: {},
        }),
      },
      ...auditItems(table, audit),
    ],
  };
}

export function response(
  ctx: Context<MutationReinstateUserArgs, DisqualificationStash>,
): DisqualificationView {
  return disqualificationResponse(ctx, 'This user is not disqualified there.');
}
