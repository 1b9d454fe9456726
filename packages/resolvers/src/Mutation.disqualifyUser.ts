/**
 * Disqualifies a user on one board or on every board (admins only): one transaction puts the
 * disqualification, on condition none is in force, and keeps the action in the audit trail. The
 * rebuilder sees the new entry at its next tick and rebuilds the boards concerned without the user.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import type {
  Disqualification as DisqualificationView,
  MutationDisqualifyUserArgs,
} from '@leaderboard/core/generated/schema';
import {
  disqualificationAttributes,
  disqualificationKey,
  encodeDisqualification,
} from '@leaderboard/core/items/disqualification';
import { attributesBesidesKey } from '@leaderboard/core/items/item';
import { requireAdmin } from './lib/caller.ts';
import {
  disqualificationRequest,
  disqualificationResponse,
  requireDisqualificationInput,
  scoresTableOf,
  type DisqualificationStash,
} from './lib/disqualification.ts';
import { transactCondition } from './lib/expressions.ts';
import { keyValues } from './lib/keys.ts';

export function request(
  ctx: Context<MutationDisqualifyUserArgs, DisqualificationStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const input = requireDisqualificationInput(ctx.args.input);
  const at = util.time.nowISO8601();
  const names = disqualificationAttributes;
  const item = encodeDisqualification({
    userId: input.userId,
    boardId: input.boardId,
    disqualifiedBy: admin.userId,
    reason: input.reason,
    disqualifiedAt: at,
    reinstated: null,
  });
  return disqualificationRequest(ctx, {
    admin,
    input,
    disqualified: true,
    at,
    item: {
      table: scoresTableOf(ctx),
      operation: 'PutItem',
      key: keyValues(disqualificationKey(input.userId, input.boardId)),
      attributeValues: util.dynamodb.toMapValues(attributesBesidesKey(item, [names.pk, names.sk])),
      // None yet, or only one that was reinstated.
      condition: transactCondition({
        expression: 'attribute_not_exists(#pk) OR attribute_exists(#reinstatedAt)',
        names: { '#pk': names.pk, '#reinstatedAt': names.reinstatedAt },
        values: {},
      }),
    },
  });
}

export function response(
  ctx: Context<MutationDisqualifyUserArgs, DisqualificationStash>,
): DisqualificationView {
  return disqualificationResponse(ctx, 'This user is disqualified there already.');
}
