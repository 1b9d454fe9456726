/**
 * The OAuth 2.0 authorization code flow with PKCE (RFC 6749 section 4.1, RFC 7636) as a user
 * pool's managed login serves it, so a page or a CLI signs in locally with the same client code
 * it uses against Cognito: `GET /authorize` shows a sign-in form, `POST /authorize` sends the
 * browser back to the client with a one-time code, `POST /token` exchanges code and verifier
 * (or a refresh token) for tokens signed with the issuer's key.
 *
 * Local only, so the form asks for no password: whoever uses this machine's loopback is trusted
 * to say who they are, as with the issuer's `mintToken`. Public clients only (no client secret),
 * PKCE with S256 required, as managed login requires for public clients.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type JWTPayload } from 'jose';
import { signInPage, type SignInFields } from './sign-in-page.ts';

export interface AuthorizationCodeFlowOptions {
  /** The issuer URL, known once the server listens. */
  readonly issuer: () => string;
  /** Client ids of the public clients that may sign users in; each is the `aud` of its ID tokens. */
  readonly clientIds: readonly string[];
  readonly signingKey: { readonly privateKey: Parameters<SignJWT['sign']>[0]; readonly keyId: string };
  /** The group the form's admin box puts the user in (default `admins`), written as `cognito:groups`. */
  readonly adminGroup?: string;
  /** The claim the form's team goes in (default `custom:team`, a user pool custom attribute). */
  readonly teamClaim?: string;
  /** ID and access token lifetime (default 3600). */
  readonly tokenLifetimeSeconds?: number;
  readonly now?: () => number;
}

export interface AuthorizationCodeFlow {
  /** The endpoints and capabilities to publish in the discovery document. */
  readonly discovery: () => Record<string, unknown>;
  /** Serves the request if it is one of the flow's endpoints; false otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

interface SignedInUser {
  readonly sub: string;
  readonly name: string;
  readonly team: string | null;
  readonly admin: boolean;
}

interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string | null;
  readonly nonce: string | null;
  readonly scope: string;
  readonly codeChallenge: string;
}

interface IssuedCode {
  readonly request: AuthorizationRequest;
  readonly user: SignedInUser;
  readonly authTime: number;
  readonly expiresAt: number;
}

interface RefreshGrant {
  readonly clientId: string;
  readonly scope: string;
  readonly user: SignedInUser;
  readonly authTime: number;
}

/** An OAuth error answered as RFC 6749 says: JSON from the token endpoint, a redirect from /authorize. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const codeLifetimeMs = 60_000;
const maxBodyBytes = 16 * 1024;
const maxFieldLength = 128;
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;
const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Any URL on a loopback host, any port and path (RFC 8252 section 7.3): a local page or CLI
 * listens wherever a port is free. Nothing leaves the machine, so registering each would add a
 * step and protect nothing. https too: a page served with the local API's certificate signs in.
 */
export function isLoopbackRedirect(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  const scheme = url.protocol === 'http:' || url.protocol === 'https:';
  return scheme && loopbackHosts.has(url.hostname) && url.hash === '';
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
const opaqueToken = (): string => randomBytes(32).toString('base64url');

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > maxBodyBytes)
        reject(new OAuthError('invalid_request', 'the request body is too large'));
    });
    request.on('end', () => resolve(new URLSearchParams(text)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  response.end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

export function createAuthorizationCodeFlow(options: AuthorizationCodeFlowOptions): AuthorizationCodeFlow {
  const codes = new Map<string, IssuedCode>();
  const refreshGrants = new Map<string, RefreshGrant>();
  const now = options.now ?? Date.now;
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const adminGroup = options.adminGroup ?? 'admins';
  const teamClaim = options.teamClaim ?? 'custom:team';

  /** Client and redirect URI first: when either is wrong, the user is told and not redirected (RFC 6749 4.1.2.1). */
  function clientOf(parameters: URLSearchParams): { clientId: string; redirectUri: string } {
    const clientId = parameters.get('client_id') ?? '';
    const redirectUri = parameters.get('redirect_uri') ?? '';
    if (!options.clientIds.includes(clientId)) {
      throw new OAuthError('invalid_client', `unknown client_id "${clientId}"`);
    }
    if (!isLoopbackRedirect(redirectUri)) {
      throw new OAuthError('invalid_request', 'redirect_uri must be an http(s) URL on a loopback host');
    }
    return { clientId, redirectUri };
  }

  function authorizationRequest(parameters: URLSearchParams): AuthorizationRequest {
    const { clientId, redirectUri } = clientOf(parameters);
    const scope = parameters.get('scope') ?? '';
    const codeChallenge = parameters.get('code_challenge') ?? '';
    if (parameters.get('response_type') !== 'code') {
      throw new OAuthError('unsupported_response_type', 'response_type must be code');
    }
    if (!scope.split(' ').includes('openid'))
      throw new OAuthError('invalid_scope', 'scope must include openid');
    if (parameters.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
      throw new OAuthError(
        'invalid_request',
        'PKCE is required: code_challenge with code_challenge_method S256',
      );
    }
    return {
      clientId,
      redirectUri,
      scope,
      codeChallenge,
      state: parameters.get('state'),
      nonce: parameters.get('nonce'),
    };
  }

  function redirectWith(
    response: ServerResponse,
    request: AuthorizationRequest,
    values: Record<string, string>,
  ) {
    const target = new URL(request.redirectUri);
    for (const [key, value] of Object.entries(values)) target.searchParams.set(key, value);
    if (request.state !== null) target.searchParams.set('state', request.state);
    response.writeHead(302, { location: target.href, 'cache-control': 'no-store' });
    response.end();
  }

  /** The form's answer as a user, or the message to show above the form again. */
  function userOf(form: URLSearchParams): SignedInUser | string {
    const sub = (form.get('user_id') ?? '').trim();
    const name = (form.get('display_name') ?? '').trim();
    const team = (form.get('team') ?? '').trim();
    if (sub.length === 0 || name.length === 0) return 'A user id and a display name are required.';
    if ([sub, name, team].some((value) => value.length > maxFieldLength)) {
      return `Each field holds at most ${maxFieldLength} characters.`;
    }
    return { sub, name, team: team.length > 0 ? team : null, admin: form.get('admin') === 'on' };
  }

  function showForm(
    response: ServerResponse,
    parameters: URLSearchParams,
    fields: SignInFields,
    status = 200,
  ) {
    sendHtml(response, status, signInPage({ issuer: options.issuer(), parameters, fields }));
  }

  async function authorize(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parameters =
      request.method === 'POST'
        ? await readForm(request)
        : new URL(request.url ?? '/', 'http://issuer').searchParams;
    let client: { clientId: string; redirectUri: string };
    try {
      client = clientOf(parameters);
    } catch (error) {
      return sendHtml(
        response,
        400,
        signInPage({ issuer: options.issuer(), error: (error as OAuthError).message }),
      );
    }
    let authorization: AuthorizationRequest;
    try {
      authorization = authorizationRequest(parameters);
    } catch (error) {
      const { code, message } = error as OAuthError;
      const state = parameters.get('state');
      return redirectWith(
        response,
        { ...client, state, nonce: null, scope: '', codeChallenge: '' },
        {
          error: code,
          error_description: message,
        },
      );
    }
    if (request.method !== 'POST') return showForm(response, parameters, {});
    const user = userOf(parameters);
    if (typeof user === 'string') return showForm(response, parameters, { message: user }, 400);
    const code = opaqueToken();
    const issuedAt = now();
    for (const [key, issued] of codes) if (issued.expiresAt <= issuedAt) codes.delete(key);
    codes.set(code, {
      request: authorization,
      user,
      authTime: Math.floor(issuedAt / 1000),
      expiresAt: issuedAt + codeLifetimeMs,
    });
    redirectWith(response, authorization, { code });
  }

  async function signed(claims: JWTPayload, audience: string | null): Promise<string> {
    const issuedAt = Math.floor(now() / 1000);
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.signingKey.keyId, typ: 'JWT' })
      .setIssuer(options.issuer())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .setJti(opaqueToken());
    return (audience === null ? token : token.setAudience(audience)).sign(options.signingKey.privateKey);
  }

  /** ID and access tokens shaped as a user pool's: groups in `cognito:groups`, `token_use`, the client in the access token's `client_id`. */
  async function tokensFor(grant: RefreshGrant, nonce: string | null) {
    const { user } = grant;
    const shared = {
      sub: user.sub,
      auth_time: grant.authTime,
      ...(user.admin ? { 'cognito:groups': [adminGroup] } : {}),
    };
    return {
      id_token: await signed(
        {
          ...shared,
          token_use: 'id',
          name: user.name,
          ...(user.team ? { [teamClaim]: user.team } : {}),
          ...(nonce ? { nonce } : {}),
        },
        grant.clientId,
      ),
      access_token: await signed(
        { ...shared, token_use: 'access', client_id: grant.clientId, scope: grant.scope, username: user.sub },
        null,
      ),
      token_type: 'Bearer',
      expires_in: lifetime,
    };
  }

  function redeemCode(form: URLSearchParams): IssuedCode {
    const issued = codes.get(form.get('code') ?? '');
    // One use only: a second attempt finds nothing (RFC 6749 4.1.2).
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (!issued || issued.expiresAt <= now())
      throw new OAuthError('invalid_grant', 'the code is unknown, used or expired');
    if (
      issued.request.clientId !== form.get('client_id') ||
      issued.request.redirectUri !== form.get('redirect_uri')
    ) {
      throw new OAuthError(
        'invalid_grant',
        'client_id or redirect_uri differ from the authorization request',
      );
    }
    if (!verifierPattern.test(verifier) || s256(verifier) !== issued.request.codeChallenge) {
      throw new OAuthError('invalid_grant', 'the code_verifier does not match the code_challenge');
    }
    return issued;
  }

  async function exchange(form: URLSearchParams): Promise<Record<string, unknown>> {
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const issued = redeemCode(form);
      const grant = {
        clientId: issued.request.clientId,
        scope: issued.request.scope,
        user: issued.user,
        authTime: issued.authTime,
      };
      const refreshToken = opaqueToken();
      refreshGrants.set(refreshToken, grant);
      return { ...(await tokensFor(grant, issued.request.nonce)), refresh_token: refreshToken };
    }
    if (grantType === 'refresh_token') {
      const grant = refreshGrants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.clientId !== form.get('client_id')) {
        throw new OAuthError('invalid_grant', 'the refresh token is unknown or was issued to another client');
      }
      // Like a user pool, the refresh token stays the same; only new ID and access tokens are issued.
      return tokensFor(grant, null);
    }
    throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }

  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type, accept, authorization',
      });
      return void response.end();
    }
    if (request.method !== 'POST')
      return sendJson(response, 405, { error: 'invalid_request', error_description: 'POST only' });
    try {
      sendJson(response, 200, await exchange(await readForm(request)));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      sendJson(response, 400, { error: error.code, error_description: error.message });
    }
  }

  return {
    discovery: () => ({
      authorization_endpoint: `${options.issuer()}/authorize`,
      token_endpoint: `${options.issuer()}/token`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'email', 'profile'],
    }),
    async handle(request, response) {
      const path = new URL(request.url ?? '/', 'http://issuer').pathname;
      if (path === '/authorize' && (request.method === 'GET' || request.method === 'POST')) {
        await authorize(request, response);
        return true;
      }
      if (path === '/token') {
        await token(request, response);
        return true;
      }
      return false;
    },
  };
}
