/**
 * `config.json`, served next to the page: which API this screen reads. Written per stage
 * (from the running local stack, or by the deploy from the API's outputs), so one build of
 * the page serves every stage.
 */
export interface DashboardConfig {
  /** The GraphQL endpoint, `https://<id>.appsync-api.<region>.amazonaws.com/graphql` in AWS. */
  readonly graphqlUrl: string;
  /** The real-time endpoint the client library derives from `graphqlUrl`; shown on the screen. */
  readonly realtimeUrl: string;
  /** The public, read-only API key. */
  readonly apiKey: string;
  readonly region: string;
  /** Where employees sign in, for the employee page; absent where no one signs in (a wall only). */
  readonly signIn?: SignInConfig;
}

/**
 * The OpenID Connect issuer the employee page signs in with (the authorization code flow with
 * PKCE): the stage's user pool, or the local issuer. Its endpoints come from its discovery document.
 */
export interface SignInConfig {
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>` in AWS; the ID tokens' `iss`. */
  readonly issuer: string;
  /** The public app client (no secret); the ID tokens' `aud`. */
  readonly clientId: string;
  /**
   * Managed login's sign-out endpoint (`https://<domain>/logout`), which ends the session it
   * keeps; without it, signing out forgets this page's tokens only.
   */
  readonly logoutUrl?: string;
}

export const configFileName = 'config.json';

export class DashboardConfigError extends Error {
  override readonly name = 'DashboardConfigError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `label` names the key in messages (`signIn.issuer` for a nested one). */
function requiredUrl(
  source: Record<string, unknown>,
  key: string,
  schemes: readonly string[],
  label = key,
): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '') {
    throw new DashboardConfigError(`${configFileName}: "${label}" must be a non-empty string`);
  }
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new DashboardConfigError(`${configFileName}: "${label}" is not a URL: ${value}`);
  }
  if (!schemes.includes(protocol)) {
    throw new DashboardConfigError(
      `${configFileName}: "${label}" must use ${schemes.join(' or ')}: ${value}`,
    );
  }
  return value;
}

export function parseDashboardConfig(json: unknown): DashboardConfig {
  if (!isRecord(json)) throw new DashboardConfigError(`${configFileName} must hold a JSON object`);
  const apiKey = json['apiKey'];
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new DashboardConfigError(`${configFileName}: "apiKey" must be a non-empty string`);
  }
  const region = json['region'] ?? 'us-east-1';
  if (typeof region !== 'string')
    throw new DashboardConfigError(`${configFileName}: "region" must be a string`);
  const signIn = json['signIn'] === undefined ? undefined : parseSignIn(json['signIn']);
  return {
    graphqlUrl: requiredUrl(json, 'graphqlUrl', ['http:', 'https:']),
    realtimeUrl: requiredUrl(json, 'realtimeUrl', ['ws:', 'wss:']),
    apiKey,
    region,
    ...(signIn ? { signIn } : {}),
  };
}

function parseSignIn(value: unknown): SignInConfig {
  if (!isRecord(value)) throw new DashboardConfigError(`${configFileName}: "signIn" must be an object`);
  const clientId = value['clientId'];
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new DashboardConfigError(`${configFileName}: "signIn.clientId" must be a non-empty string`);
  }
  const issuer = requiredUrl(value, 'issuer', ['http:', 'https:'], 'signIn.issuer');
  if (value['logoutUrl'] === undefined) return { issuer, clientId };
  const logoutUrl = requiredUrl(value, 'logoutUrl', ['http:', 'https:'], 'signIn.logoutUrl');
  return { issuer, clientId, logoutUrl };
}
