/**
 * Ends a disqualification (admins only): one transaction marks it reinstated, on condition it is
 * in force, and keeps the action in the audit trail. The entry stays until the rebuilder has seen
 * it (it expires a day later); the user is back on the boards at the next rebuild.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import type {
  Disqualification as DisqualificationView,
  MutationReinstateUserArgs,
} from '@leaderboard/core/generated/schema';
import { disqualificationAttributes, disqualificationKey } from '@leaderboard/core/items/disqualification';
import { requireAdmin } from './lib/caller.ts';
import {
  disqualificationRequest,
  disqualificationResponse,
  requireDisqualificationInput,
  scoresTableOf,
  type DisqualificationStash,
} from './lib/disqualification.ts';
import { transactCondition, updateExpression } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';

export function request(
  ctx: Context<MutationReinstateUserArgs, DisqualificationStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const input = requireDisqualificationInput(ctx.args.input);
  const at = util.time.nowISO8601();
  const names = disqualificationAttributes;
  const expiresAt = Math.floor(util.time.nowEpochMilliSeconds() / 1000) + serviceConfig.boardChangeTtlSeconds;
  return disqualificationRequest(ctx, {
    admin,
    input,
    disqualified: false,
    at,
    item: {
      table: scoresTableOf(ctx),
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
        values: { ':by': admin.userId, ':at': at, ':reason': input.reason, ':expiresAt': expiresAt },
      }),
      condition: transactCondition({
        expression: 'attribute_exists(#pk) AND attribute_not_exists(#at)',
        names: { '#pk': names.pk, '#at': names.reinstatedAt },
        values: {},
      }),
    },
  });
}

export function response(
  ctx: Context<MutationReinstateUserArgs, DisqualificationStash>,
): DisqualificationView {
  return disqualificationResponse(ctx, 'This user is not disqualified there.');
}
