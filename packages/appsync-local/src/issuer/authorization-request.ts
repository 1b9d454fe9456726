/**
 * What `/authorize` accepts: a known public client, a loopback redirect URI, a code request for
 * the openid scope with an S256 PKCE challenge, and the user the sign-in form names.
 */
import { OAuthError } from './oauth-error.ts';

export interface SignedInUser {
  readonly sub: string;
  readonly name: string;
  readonly team: string | null;
  readonly admin: boolean;
}

export interface ClientRedirect {
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface AuthorizationRequest extends ClientRedirect {
  readonly state: string | null;
  readonly nonce: string | null;
  readonly scope: string;
  readonly codeChallenge: string;
}

const maxFieldLength = 128;
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

/** Client and redirect URI first: when either is wrong, the user is told and not redirected (RFC 6749 4.1.2.1). */
export function clientOf(parameters: URLSearchParams, clientIds: readonly string[]): ClientRedirect {
  const clientId = parameters.get('client_id') ?? '';
  const redirectUri = parameters.get('redirect_uri') ?? '';
  if (!clientIds.includes(clientId)) {
    throw new OAuthError('invalid_client', `unknown client_id "${clientId}"`);
  }
  if (!isLoopbackRedirect(redirectUri)) {
    throw new OAuthError('invalid_request', 'redirect_uri must be an http(s) URL on a loopback host');
  }
  return { clientId, redirectUri };
}

export function authorizationRequest(
  parameters: URLSearchParams,
  clientIds: readonly string[],
): AuthorizationRequest {
  const { clientId, redirectUri } = clientOf(parameters, clientIds);
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

/** The form's answer as a user, or the message to show above the form again. */
export function userOf(form: URLSearchParams): SignedInUser | string {
  const sub = (form.get('user_id') ?? '').trim();
  const name = (form.get('display_name') ?? '').trim();
  const team = (form.get('team') ?? '').trim();
  if (sub.length === 0 || name.length === 0) return 'A user id and a display name are required.';
  if ([sub, name, team].some((value) => value.length > maxFieldLength)) {
    return `Each field holds at most ${maxFieldLength} characters.`;
  }
  return { sub, name, team: team.length > 0 ? team : null, admin: form.get('admin') === 'on' };
}
