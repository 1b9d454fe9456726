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
 *
 * This file is the HTTP side; the request checks are in authorization-request.ts, the codes,
 * refresh grants and signed tokens in token-grants.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authorizationRequest,
  clientOf,
  userOf,
  type AuthorizationRequest,
  type ClientRedirect,
} from './authorization-request.ts';
import { OAuthError } from './oauth-error.ts';
import { signInPage, type SignInFields } from './sign-in-page.ts';
import { TokenGrants, type TokenGrantsOptions } from './token-grants.ts';

export interface AuthorizationCodeFlowOptions extends TokenGrantsOptions {
  /** Client ids of the public clients that may sign users in; each is the `aud` of its ID tokens. */
  readonly clientIds: readonly string[];
}

export interface AuthorizationCodeFlow {
  /** The endpoints and capabilities to publish in the discovery document. */
  readonly discovery: () => Record<string, unknown>;
  /** Serves the request if it is one of the flow's endpoints; false otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

interface Flow {
  readonly issuer: () => string;
  readonly clientIds: readonly string[];
  readonly grants: TokenGrants;
}

const maxBodyBytes = 16 * 1024;

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

function redirectWith(
  response: ServerResponse,
  request: Pick<AuthorizationRequest, 'redirectUri' | 'state'>,
  values: Record<string, string>,
): void {
  const target = new URL(request.redirectUri);
  for (const [key, value] of Object.entries(values)) target.searchParams.set(key, value);
  if (request.state !== null) target.searchParams.set('state', request.state);
  response.writeHead(302, { location: target.href, 'cache-control': 'no-store' });
  response.end();
}

function showForm(
  flow: Flow,
  response: ServerResponse,
  parameters: URLSearchParams,
  fields: SignInFields,
  status = 200,
): void {
  sendHtml(response, status, signInPage({ issuer: flow.issuer(), parameters, fields }));
}

/** The authorization request, or null once the user (bad client) or the client (bad request) has been told why not. */
function acceptedRequest(
  flow: Flow,
  parameters: URLSearchParams,
  response: ServerResponse,
): AuthorizationRequest | null {
  let client: ClientRedirect;
  try {
    client = clientOf(parameters, flow.clientIds);
  } catch (error) {
    sendHtml(response, 400, signInPage({ issuer: flow.issuer(), error: (error as OAuthError).message }));
    return null;
  }
  try {
    return authorizationRequest(parameters, flow.clientIds);
  } catch (error) {
    const { code, message } = error as OAuthError;
    redirectWith(
      response,
      { redirectUri: client.redirectUri, state: parameters.get('state') },
      { error: code, error_description: message },
    );
    return null;
  }
}

async function authorize(flow: Flow, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const parameters =
    request.method === 'POST'
      ? await readForm(request)
      : new URL(request.url ?? '/', 'http://issuer').searchParams;
  const authorization = acceptedRequest(flow, parameters, response);
  if (authorization === null) return;
  if (request.method !== 'POST') return showForm(flow, response, parameters, {});
  const user = userOf(parameters);
  if (typeof user === 'string') return showForm(flow, response, parameters, { message: user }, 400);
  redirectWith(response, authorization, { code: flow.grants.issueCode(authorization, user) });
}

async function exchange(grants: TokenGrants, form: URLSearchParams): Promise<object> {
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    return grants.redeemCode({
      code: form.get('code') ?? '',
      verifier: form.get('code_verifier') ?? '',
      clientId: form.get('client_id'),
      redirectUri: form.get('redirect_uri'),
    });
  }
  if (grantType === 'refresh_token')
    return grants.refresh(form.get('refresh_token') ?? '', form.get('client_id'));
  throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

async function token(flow: Flow, request: IncomingMessage, response: ServerResponse): Promise<void> {
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
    sendJson(response, 200, await exchange(flow.grants, await readForm(request)));
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendJson(response, 400, { error: error.code, error_description: error.message });
  }
}

export function createAuthorizationCodeFlow(options: AuthorizationCodeFlowOptions): AuthorizationCodeFlow {
  const flow: Flow = {
    issuer: options.issuer,
    clientIds: options.clientIds,
    grants: new TokenGrants(options),
  };
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
        await authorize(flow, request, response);
        return true;
      }
      if (path === '/token') {
        await token(flow, request, response);
        return true;
      }
      return false;
    },
  };
}
