/**
 * The caller, as the Lambda authorizer described them in `ctx.identity.resolverContext`.
 * The user is always the token's subject, never a field of the input.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import { isUsableUserId } from '@leaderboard/core/identifiers';

export interface Caller {
  readonly userId: string;
  readonly displayName: string;
}

export function requireCaller(ctx: Context): Caller {
  const identity = ctx.identity as { resolverContext?: Record<string, unknown> } | null | undefined;
  const resolverContext = identity ? identity.resolverContext : undefined;
  const userId = resolverContext ? resolverContext['userId'] : undefined;
  if (typeof userId !== 'string' || !isUsableUserId(userId, serviceConfig.maxStringLength)) {
    util.error('This operation needs a signed-in user.', errorTypes.unauthorized);
  }
  const displayName = resolverContext ? resolverContext['displayName'] : undefined;
  return {
    userId,
    displayName:
      typeof displayName === 'string' && displayName.length > 0
        ? displayName.slice(0, serviceConfig.maxStringLength)
        : userId,
  };
}
