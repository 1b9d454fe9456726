/**
 * The caller, as the Lambda authorizer described them in `ctx.identity.resolverContext`.
 * The user is always the token's subject, never a field of the input.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import { isIdentifier, isUsableUserId } from '@leaderboard/core/identifiers';
import { isAdmin, parseCallerContext, type Caller } from '@leaderboard/core/items/caller-context';

export function requireCaller(ctx: Context): Caller {
  const identity = ctx.identity as { resolverContext?: unknown } | null | undefined;
  const decoded = parseCallerContext(identity ? identity.resolverContext : undefined);
  if (!decoded.ok || !isUsableUserId(decoded.value.userId, serviceConfig.maxStringLength)) {
    return util.error('This operation needs a signed-in user.', errorTypes.unauthorized);
  }
  const caller = decoded.value;
  return {
    userId: caller.userId,
    displayName: caller.displayName.slice(0, serviceConfig.maxStringLength),
    groups: caller.groups,
    // Team ids end up in keys; the authorizer passes only usable ones, and this holds it to that.
    teamId:
      caller.teamId !== null && isIdentifier(caller.teamId, serviceConfig.maxTeamIdLength)
        ? caller.teamId
        : null,
  };
}

/** The caller, when in the `admins` group; anyone else ends the field as Unauthorized. */
export function requireAdmin(ctx: Context): Caller {
  const caller = requireCaller(ctx);
  if (!isAdmin(caller)) return util.error('Only admins may do this.', errorTypes.unauthorized);
  return caller;
}
