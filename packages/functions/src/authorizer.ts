/** Lambda entry: the AppSync Lambda authorizer for user JWTs. */
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceConfig } from '@leaderboard/core/config';
import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult } from 'aws-lambda';
import { authorize, type CallerContext } from './auth/authorize.ts';
import {
  createTokenVerifier,
  tokenVerifierConfigFromEnvironment,
  type TokenVerifier,
} from './auth/token-verifier.ts';

const logger = new Logger({ serviceName: 'leaderboard-authorizer' });
// Module scope: a warm Lambda reuses the verifier and with it the cached JWKS.
let verify: TokenVerifier | undefined;

export async function handler(
  event: AppSyncAuthorizerEvent,
): Promise<AppSyncAuthorizerResult<CallerContext>> {
  verify ??= createTokenVerifier(tokenVerifierConfigFromEnvironment(process.env));
  return authorize(event, {
    verify,
    logger,
    ttlSeconds: serviceConfig.authorizerTtlSeconds,
    maxUserIdLength: serviceConfig.maxStringLength,
    team: { claim: serviceConfig.teamClaim, maxLength: serviceConfig.maxTeamIdLength },
  });
}
