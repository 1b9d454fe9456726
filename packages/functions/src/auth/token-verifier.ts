/**
 * JWT verification by configuration: a Cognito user pool (`COGNITO_USER_POOL_ID` +
 * `COGNITO_CLIENT_ID`), or any OIDC issuer (`JWT_ISSUER`, `JWT_AUDIENCE`, optional
 * `JWT_JWKS_URI`, default `<issuer>/.well-known/jwks.json`). The verifier keeps the JWKS in
 * memory, so a warm Lambda fetches keys once (and again only for an unknown `kid`).
 */
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { assertAcceptableJwksUri, LoopbackAwareFetcher } from './jwks-fetcher.ts';

export class AuthorizerConfigError extends Error {
  override readonly name = 'AuthorizerConfigError';
}

export type TokenVerifierConfig =
  | { readonly kind: 'cognito'; readonly userPoolId: string; readonly clientId: string }
  | {
      readonly kind: 'oidc';
      readonly issuer: string;
      readonly audience: string[];
      readonly jwksUri: string | null;
    };

export type VerifiedClaims = Readonly<Record<string, unknown>> & { readonly sub?: unknown };

export type TokenVerifier = (token: string) => Promise<VerifiedClaims>;

export function tokenVerifierConfigFromEnvironment(env: NodeJS.ProcessEnv): TokenVerifierConfig {
  const userPoolId = env['COGNITO_USER_POOL_ID'];
  const clientId = env['COGNITO_CLIENT_ID'];
  if (userPoolId && clientId) return { kind: 'cognito', userPoolId, clientId };
  const issuer = env['JWT_ISSUER'];
  const audience = (env['JWT_AUDIENCE'] ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (!issuer || audience.length === 0) {
    throw new AuthorizerConfigError(
      'Set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, or JWT_ISSUER and JWT_AUDIENCE (and optionally JWT_JWKS_URI).',
    );
  }
  const jwksUri = env['JWT_JWKS_URI'] || null;
  assertAcceptableJwksUri(jwksUri ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`);
  return { kind: 'oidc', issuer, audience, jwksUri };
}

export function createTokenVerifier(
  config: TokenVerifierConfig,
  options: { readonly fetcher?: Fetcher } = {},
): TokenVerifier {
  if (config.kind === 'cognito') {
    // Either token a Cognito client holds: both carry the groups, each names the user its own way (see authorize.ts).
    const verifier = CognitoJwtVerifier.create({
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      tokenUse: null,
    });
    return (token) => verifier.verify(token) as Promise<VerifiedClaims>;
  }
  const verifier = JwtVerifier.create(
    {
      issuer: config.issuer,
      audience: config.audience,
      ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
    },
    { jwksCache: new SimpleJwksCache({ fetcher: options.fetcher ?? new LoopbackAwareFetcher() }) },
  );
  return (token) => verifier.verify(token) as Promise<VerifiedClaims>;
}
