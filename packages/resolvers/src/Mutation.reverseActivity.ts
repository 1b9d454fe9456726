/**
 * Reverses one activity (admins only; pipeline: getReversalTarget, writeReversal). This step
 * checks the caller and the input; the functions read the activity and, in one transaction, mark
 * it reversed and write the reversal the worker applies. Nothing is written for anyone else.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationReverseActivityArgs, Reversal } from '@leaderboard/core/generated/schema';
import { isKeyText } from '@leaderboard/core/identifiers';
import { requireAdmin } from './lib/caller.ts';
import { requireReason, requireUserId } from './lib/operators.ts';
import type { ReverseActivityStash } from './lib/reversal.ts';

export function request(
  ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>,
): Record<string, never> {
  const admin = requireAdmin(ctx);
  const input = ctx.args.input;
  requireUserId(input.userId);
  if (!isKeyText(input.activityKey, serviceConfig.maxStringLength)) {
    util.error('activityKey is not an activity key (see Activity.key).', errorTypes.validation, null, {
      field: 'activityKey',
    });
  }
  ctx.stash.admin = admin.userId;
  ctx.stash.userId = input.userId;
  ctx.stash.activityKey = input.activityKey;
  ctx.stash.reason = requireReason(input.reason);
  return {};
}

export function response(ctx: Context<MutationReverseActivityArgs, ReverseActivityStash>): Reversal {
  const activity = ctx.stash.activity;
  const reversal = ctx.stash.reversal;
  if (!activity || !reversal) return util.error('The activity could not be reversed.', errorTypes.internal);
  return {
    userId: reversal.userId,
    activityKey: reversal.activityKey,
    activityId: activity.id,
    points: activity.points,
    reversedBy: reversal.reversedBy,
    reversedAt: reversal.reversedAt,
    reason: reversal.reason,
  };
}
