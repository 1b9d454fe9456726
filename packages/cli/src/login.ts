/**
 * Signing in from a terminal: the authorization code flow with PKCE against the stage's user
 * pool or the local issuer, by the same code. The browser opens the issuer's sign-in page (or the
 * user opens the printed URL) and the issuer redirects to a listener on this machine's loopback
 * (RFC 8252 section 7.3), which takes the code; `openid-client` does the OAuth side (discovery,
 * PKCE, state and nonce, the token exchange and the ID token's checks).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import { signInScopes } from '@leaderboard/core/sign-in';
import { CliError } from './errors.ts';

/** A sign-in that did not complete: refused by the issuer or the user, timed out, or no port free. */
export class SignInError extends CliError {
  override readonly name = 'SignInError';
}

export interface LoopbackRedirect {
  /** The host the redirect URI names: `localhost` for a user pool, `127.0.0.1` for the local issuer. */
  readonly host: string;
  /** Ports to try in order; 0 lets the system pick one (issuers that accept any loopback port). */
  readonly ports: readonly number[];
  readonly path: string;
}

export interface SignInRequest {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirect: LoopbackRedirect;
  /** Shows the sign-in URL to the user: opens a browser, prints it, or both. */
  readonly showSignInPage: (url: URL) => void;
  readonly timeoutMs?: number;
}

export interface SignInTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** When the ID token expires, in epoch milliseconds. */
  readonly expiresAt: number;
}

/** Plain http is for an issuer on this machine only; anything else must be https. */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

export async function discoverIssuer(issuer: string, clientId: string): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  try {
    return await oidc.discovery(url, clientId, undefined, oidc.None(), {
      ...(isLoopbackHttp(url) ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    throw new SignInError(`cannot read the sign-in settings of ${issuer}: ${(error as Error).message}`);
  }
}

interface Callback {
  readonly redirectUri: string;
  /** Resolves with the URL the issuer redirected the browser to. */
  readonly received: Promise<URL>;
  close(): Promise<void>;
}

function listenOn(server: Server, port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(null) : reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const answerPage = (title: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><p style="font-family:system-ui;margin:4rem auto;max-width:24rem">${title} You can close this tab.</p>`;

/** The loopback listener on the first free port: it answers the browser and hands the redirect on. */
async function listenForCallback(redirect: LoopbackRedirect): Promise<Callback> {
  let deliver: (url: URL) => void = () => undefined;
  const received = new Promise<URL>((resolve) => (deliver = resolve));
  let redirectUri = '';
  const server = createServer((request, response) => {
    // The URL the issuer sent the browser to, as openid-client must see it: the redirect URI plus the answer.
    const url = new URL(request.url ?? '/', redirectUri);
    if (url.pathname !== redirect.path) {
      response.writeHead(404).end();
      return;
    }
    const failed = url.searchParams.has('error');
    response.writeHead(failed ? 400 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(answerPage(failed ? 'Sign-in did not complete.' : 'Signed in.'));
    deliver(url);
  });
  for (const port of redirect.ports) {
    const bound = await listenOn(server, port);
    if (bound === null) continue;
    redirectUri = `http://${redirect.host}:${bound}${redirect.path}`;
    return {
      redirectUri,
      received,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
  throw new SignInError(
    `ports ${redirect.ports.join(', ')} on 127.0.0.1 are all in use: the stage's app client accepts sign-ins on these only`,
  );
}

/** The issuer's own words when it answered with an OAuth error, the library's otherwise. */
function oauthMessage(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError)
    return `${error.error}: ${error.error_description ?? error.message}`;
  return (error as Error).message;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new SignInError(`no sign-in within ${Math.round(timeoutMs / 1000)} s; run the command again`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function tokensOf(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
): SignInTokens {
  const claims = response.claims();
  if (!response.id_token || !claims) throw new SignInError('the issuer answered without an ID token');
  return {
    idToken: response.id_token,
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    expiresAt: claims.exp * 1000,
  };
}

/** One sign-in: the browser leg through the issuer's page, then the code exchanged with its verifier. */
export async function signIn(request: SignInRequest): Promise<SignInTokens> {
  const config = await discoverIssuer(request.issuer, request.clientId);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const callback = await listenForCallback(request.redirect);
  try {
    request.showSignInPage(
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: callback.redirectUri,
        scope: signInScopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      }),
    );
    const redirected = await withTimeout(callback.received, request.timeoutMs ?? 5 * 60_000);
    const error = redirected.searchParams.get('error');
    if (error) {
      throw new SignInError(
        `the issuer refused: ${redirected.searchParams.get('error_description') ?? error}`,
      );
    }
    const response = await oidc.authorizationCodeGrant(config, redirected, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    return tokensOf(response);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new SignInError(`sign-in failed: ${oauthMessage(error)}`);
  } finally {
    await callback.close();
  }
}

/** New tokens from a refresh token; the issuer may keep the refresh token (a user pool does). */
export async function refresh(issuer: string, clientId: string, refreshToken: string): Promise<SignInTokens> {
  const config = await discoverIssuer(issuer, clientId);
  try {
    const tokens = tokensOf(await oidc.refreshTokenGrant(config, refreshToken));
    return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new SignInError(`the session could not be renewed (${oauthMessage(error)}): sign in again`);
  }
}
