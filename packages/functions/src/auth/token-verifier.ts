/**
 * JWT verification for every issuer the configuration trusts: the Cognito user pool
 * (`COGNITO_USER_POOL_ID` + `COGNITO_CLIENT_ID`) and/or one OIDC issuer (`JWT_ISSUER` +
 * `JWT_AUDIENCE`, optional `JWT_JWKS_URI`, default `<issuer>/.well-known/jwks.json`). One
 * aws-jwt-verify `JwtVerifier` holds them all: it reads the token's `iss` unverified only to
 * pick that issuer's keys and checks, then verifies signature, issuer, audience or client and
 * expiry; a token from any other issuer is refused. The JWKS stay in memory, so a warm Lambda
 * fetches keys once (and again only for an unknown `kid`).
 */
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { ParameterValidationError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { VerifyProperties } from 'aws-jwt-verify/jwt-verifier';
import { isAcceptableJwksUri, LoopbackAwareFetcher } from './jwks-fetcher.ts';

export class AuthorizerConfigError extends Error {
  override readonly name = 'AuthorizerConfigError';
}

/** A token that verified but never expires: AppSync would cache the decision, and a leak lasts forever. */
export class TokenWithoutExpiryError extends Error {
  override readonly name = 'TokenWithoutExpiryError';
}

export interface CognitoIssuerConfig {
  readonly kind: 'cognito';
  readonly userPoolId: string;
  readonly clientId: string;
}

export interface OidcIssuerConfig {
  readonly kind: 'oidc';
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly jwksUri: string | null;
}

export type TrustedIssuerConfig = CognitoIssuerConfig | OidcIssuerConfig;

/** Every issuer whose tokens the authorizer accepts (never empty). */
export type TokenVerifierConfig = readonly TrustedIssuerConfig[];

export type VerifiedClaims = Readonly<Record<string, unknown>> & { readonly sub?: unknown };

export type TokenVerifier = (token: string) => Promise<VerifiedClaims>;

const setting = (env: NodeJS.ProcessEnv, name: string): string | null => env[name]?.trim() || null;

function cognitoFromEnvironment(env: NodeJS.ProcessEnv): CognitoIssuerConfig | null {
  const userPoolId = setting(env, 'COGNITO_USER_POOL_ID');
  const clientId = setting(env, 'COGNITO_CLIENT_ID');
  if (userPoolId === null && clientId === null) return null;
  if (userPoolId === null || clientId === null) {
    throw new AuthorizerConfigError(
      'COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID go together: set both or neither.',
    );
  }
  cognitoIssuers(userPoolId); // a malformed pool id fails here, as configuration, not per token
  return { kind: 'cognito', userPoolId, clientId };
}

function oidcFromEnvironment(env: NodeJS.ProcessEnv): OidcIssuerConfig | null {
  const issuer = setting(env, 'JWT_ISSUER');
  const jwksUri = setting(env, 'JWT_JWKS_URI');
  const audience = (setting(env, 'JWT_AUDIENCE') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  if (issuer === null && jwksUri === null && audience.length === 0) return null;
  if (issuer === null) {
    throw new AuthorizerConfigError(
      'JWT_AUDIENCE and JWT_JWKS_URI configure an OIDC issuer: set JWT_ISSUER as well.',
    );
  }
  if (audience.length === 0) {
    throw new AuthorizerConfigError(
      'JWT_ISSUER needs JWT_AUDIENCE: the comma-separated audiences (client ids) its tokens must carry.',
    );
  }
  if (!URL.canParse(issuer)) throw new AuthorizerConfigError(`JWT_ISSUER "${issuer}" is not a URL.`);
  // Without JWT_JWKS_URI the keys live under the issuer, so the issuer's scheme and host decide.
  if (!isAcceptableJwksUri(jwksUri ?? issuer)) {
    throw new AuthorizerConfigError(
      `The JWKS of ${issuer} must be fetched over https (plain http is accepted on loopback only).`,
    );
  }
  return { kind: 'oidc', issuer, audience, jwksUri };
}

/** Refuses a configuration that trusts no issuer, or names the user pool's own issuer as the OIDC one. */
export function tokenVerifierConfigFromEnvironment(env: NodeJS.ProcessEnv): TokenVerifierConfig {
  const cognito = cognitoFromEnvironment(env);
  const oidc = oidcFromEnvironment(env);
  if (cognito && oidc && cognitoIssuers(cognito.userPoolId).includes(oidc.issuer)) {
    throw new AuthorizerConfigError(
      'JWT_ISSUER is the Cognito user pool itself, already trusted through COGNITO_USER_POOL_ID: unset JWT_*.',
    );
  }
  const issuers = [cognito, oidc].filter((issuer) => issuer !== null);
  if (issuers.length === 0) {
    throw new AuthorizerConfigError(
      'No token issuer configured: set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, JWT_ISSUER and JWT_AUDIENCE (optionally JWT_JWKS_URI), or both.',
    );
  }
  return issuers;
}

/**
 * A pool signs with its ORIGINAL issuer (`cognito-idp.<region>`) or, once switched to the
 * UPDATED one (needed for multi-Region replication), `issuer-cognito-idp.<region>`;
 * CognitoJwtVerifier trusts both, and so does this.
 */
function cognitoIssuers(userPoolId: string): string[] {
  try {
    const { issuer } = CognitoJwtVerifier.parseUserPoolId(userPoolId);
    return [issuer, issuer.replace('https://cognito-idp.', 'https://issuer-cognito-idp.')];
  } catch (error) {
    if (!(error instanceof ParameterValidationError)) throw error;
    throw new AuthorizerConfigError(
      `COGNITO_USER_POOL_ID "${userPoolId}" is not a user pool id (<region>_<id>).`,
    );
  }
}

function requireExpiry(payload: JwtPayload): void {
  if (payload.exp === undefined) throw new TokenWithoutExpiryError('Token has no exp claim');
}

type IssuerProperties = VerifyProperties & { readonly issuer: string; readonly jwksUri?: string };

function issuerProperties(config: TrustedIssuerConfig): IssuerProperties[] {
  if (config.kind === 'oidc') {
    return [
      {
        issuer: config.issuer,
        audience: [...config.audience],
        ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
        customJwtCheck: ({ payload }) => requireExpiry(payload),
      },
    ];
  }
  return cognitoIssuers(config.userPoolId).map((issuer) => ({
    issuer,
    // Cognito names the client in `aud` (ID tokens) or `client_id` (access tokens); validateCognitoJwtFields checks either.
    audience: null,
    customJwtCheck: ({ payload }) => {
      requireExpiry(payload);
      // Either token a Cognito client holds: both carry the groups, each names the user its own way (see authorize.ts).
      validateCognitoJwtFields(payload, { tokenUse: null, clientId: config.clientId });
    },
  }));
}

/** The library verifier itself, for callers that preload keys with its `cacheJwks(jwks, issuer)`. */
export function createJwtVerifier(
  issuers: TrustedIssuerConfig | TokenVerifierConfig,
  options: { readonly fetcher?: Fetcher } = {},
) {
  const configs: TokenVerifierConfig = 'kind' in issuers ? [issuers] : issuers;
  return JwtVerifier.create(configs.flatMap(issuerProperties), {
    jwksCache: new SimpleJwksCache({ fetcher: options.fetcher ?? new LoopbackAwareFetcher() }),
  });
}

export function createTokenVerifier(
  issuers: TrustedIssuerConfig | TokenVerifierConfig,
  options: { readonly fetcher?: Fetcher } = {},
): TokenVerifier {
  const verifier = createJwtVerifier(issuers, options);
  return (token) => verifier.verify(token);
}
