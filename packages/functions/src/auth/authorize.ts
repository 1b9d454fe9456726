/**
 * The AppSync Lambda authorizer's decision: a verified JWT becomes the resolver context
 * (`userId` = `sub`, a display name, comma-separated groups); anything else is refused
 * with the reason logged (never returned to the caller).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { isIdentifier, isUsableUserId } from '@leaderboard/core/identifiers';
import { encodeCallerContext, type CallerContext } from '@leaderboard/core/items/caller-context';
import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult } from 'aws-lambda';
import type { TokenVerifier, VerifiedClaims } from './token-verifier.ts';

/** What resolvers read from `ctx.identity.resolverContext`, written and read by its codec. */
export type { CallerContext };

export interface AuthorizerDependencies {
  readonly verify: TokenVerifier;
  readonly logger: Logger;
  /** Upper bound of AppSync's cache of this decision; never past the token's expiry. */
  readonly ttlSeconds: number;
  readonly maxUserIdLength: number;
  /** The claim naming the user's team (`serviceConfig.teamClaim`), and the longest team id kept. */
  readonly team: { readonly claim: string; readonly maxLength: number };
  readonly now?: () => number;
}

/** Fields a user token may never reach, whatever the schema says: publishing is for IAM only. */
export const fieldsDeniedToUsers = ['Mutation.publishLeaderboard'];

const refused: AppSyncAuthorizerResult<CallerContext> = { isAuthorized: false };

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const token = header.trim().replace(/^bearer(\s+|$)/i, '');
  return token.length > 0 ? token : null;
}

const firstText = (claims: VerifiedClaims, names: readonly string[]): string | null => {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  }
  return null;
};

function groupsOf(claims: VerifiedClaims): string[] {
  const raw = claims['cognito:groups'] ?? claims['groups'];
  const groups = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
  return groups
    .filter((group): group is string => typeof group === 'string')
    .map((group) => group.trim())
    .filter((group) => group.length > 0);
}

/** A team id goes into keys: a claim that is not a usable id leaves the user without a team, and is logged. */
function teamOf(claims: VerifiedClaims, deps: AuthorizerDependencies): string | null {
  const team = claims[deps.team.claim];
  if (team === undefined || team === null || team === '') return null;
  if (typeof team === 'string' && isIdentifier(team, deps.team.maxLength)) return team;
  deps.logger.warn('team claim ignored: not a usable team id', { claim: deps.team.claim });
  return null;
}

export async function authorize(
  event: AppSyncAuthorizerEvent,
  deps: AuthorizerDependencies,
): Promise<AppSyncAuthorizerResult<CallerContext>> {
  const token = bearerToken(event.authorizationToken);
  if (token === null) {
    deps.logger.warn('refused: no token', { requestId: event.requestContext?.requestId });
    return refused;
  }
  let claims: VerifiedClaims;
  try {
    claims = await deps.verify(token);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deps.logger.warn('refused: token did not verify', { reason, requestId: event.requestContext?.requestId });
    return refused;
  }
  const sub = claims.sub;
  if (typeof sub !== 'string' || !isUsableUserId(sub, deps.maxUserIdLength)) {
    deps.logger.warn('refused: token subject is missing or unusable as a user id', {
      requestId: event.requestContext?.requestId,
    });
    return refused;
  }
  const nowSeconds = Math.floor((deps.now ?? Date.now)() / 1000);
  const expiresIn = typeof claims['exp'] === 'number' ? claims['exp'] - nowSeconds : deps.ttlSeconds;
  return {
    isAuthorized: true,
    resolverContext: encodeCallerContext({
      userId: sub,
      // Only `name`, which users cannot write (admins set it, or sign-up requires a checked one):
      // usernames may be e-mail addresses and `preferred_username` is the user's to choose, and a
      // public board shows this. Without it (an access token), the subject.
      displayName: firstText(claims, ['name']) ?? sub,
      groups: groupsOf(claims),
      teamId: teamOf(claims, deps),
    }),
    deniedFields: fieldsDeniedToUsers,
    ttlOverride: Math.max(0, Math.min(deps.ttlSeconds, expiresIn)),
  };
}
