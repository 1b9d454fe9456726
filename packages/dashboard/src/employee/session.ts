/**
 * Signing in with the authorization code flow and PKCE (RFC 7636) through `oauth4webapi`, the
 * same code against the stage's user pool (managed login) and the local issuer: the issuer's
 * discovery document names the endpoints. The tokens live in sessionStorage (gone with the tab);
 * the ID token is what the API is called with, refreshed with the refresh token shortly before
 * it expires.
 */
import * as oauth from 'oauth4webapi';
import { signInScopes } from '@leaderboard/core/sign-in';
import type { SignInConfig } from '../view/config.ts';
import { userOfIdToken, type SignedInUser } from './model/claims.ts';

/** The part of `Storage` the session uses (sessionStorage in the page). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SignInFailure = 'not-signed-in' | 'ended' | 'refused' | 'unreachable';

export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    message: string,
    readonly reason: SignInFailure,
  ) {
    super(message);
  }
}

export interface SignInSessionOptions {
  readonly config: SignInConfig;
  readonly storage: KeyValueStore;
  /** This page's address without query or fragment: where the issuer sends the code. */
  readonly redirectUri: string;
  readonly now?: () => number;
}

interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

interface StoredTokens {
  readonly idToken: string;
  readonly refreshToken?: string;
}

const pendingKey = 'leaderboard.sign-in.pending';
const tokensKey = 'leaderboard.sign-in.tokens';
/** Refresh when the ID token has less than this left, so no request goes out with a dying token. */
const refreshMarginMs = 60_000;

/** http is allowed for an issuer on this machine only (the local issuer); anywhere else it must be https. */
const isLoopbackHttp = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};

function readJson<T>(storage: KeyValueStore, key: string): T | undefined {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    storage.removeItem(key);
    return undefined;
  }
}

export class SignInSession {
  private server: Promise<oauth.AuthorizationServer> | undefined;
  private refreshing: Promise<string> | undefined;
  private readonly client: oauth.Client;
  private readonly http: { [oauth.allowInsecureRequests]?: boolean };
  private readonly now: () => number;

  constructor(private readonly options: SignInSessionOptions) {
    this.client = { client_id: options.config.clientId };
    this.http = isLoopbackHttp(options.config.issuer) ? { [oauth.allowInsecureRequests]: true } : {};
    this.now = options.now ?? Date.now;
  }

  /** Whether `url` is the issuer sending the browser back (with a code or an error). */
  static isCallback(url: URL): boolean {
    return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
  }

  /** The issuer's sign-in page for a new attempt; the attempt's secrets wait in storage for the callback. */
  async authorizationUrl(): Promise<URL> {
    const server = await this.authorizationServer();
    if (!server.authorization_endpoint) {
      throw new SignInError('The sign-in service names no sign-in page.', 'unreachable');
    }
    const pending: PendingSignIn = {
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      codeVerifier: oauth.generateRandomCodeVerifier(),
    };
    this.options.storage.setItem(pendingKey, JSON.stringify(pending));
    const url = new URL(server.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.client.client_id,
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      scope: signInScopes.join(' '),
      code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    }).toString();
    return url;
  }

  /** Exchanges the callback's code for tokens; the attempt can be completed once only. */
  async completeSignIn(callbackUrl: URL): Promise<SignedInUser> {
    const pending = readJson<PendingSignIn>(this.options.storage, pendingKey);
    this.options.storage.removeItem(pendingKey);
    if (!pending)
      throw new SignInError('This sign-in was not started on this page. Sign in again.', 'refused');
    const server = await this.authorizationServer();
    try {
      const parameters = oauth.validateAuthResponse(server, this.client, callbackUrl, pending.state);
      const response = await oauth.authorizationCodeGrantRequest(
        server,
        this.client,
        oauth.None(),
        parameters,
        this.options.redirectUri,
        pending.codeVerifier,
        this.http,
      );
      const result = await oauth.processAuthorizationCodeResponse(server, this.client, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      return this.keep({ idToken: result.id_token!, ...this.refreshTokenOf(result) });
    } catch (error) {
      throw signInErrorOf(error);
    }
  }

  /** The signed-in user, or undefined. */
  user(): SignedInUser | undefined {
    const tokens = readJson<StoredTokens>(this.options.storage, tokensKey);
    if (!tokens) return undefined;
    try {
      return userOfIdToken(tokens.idToken);
    } catch {
      this.forget();
      return undefined;
    }
  }

  /** An ID token good for at least another minute, refreshed first when it is not. */
  async idToken(): Promise<string> {
    const tokens = readJson<StoredTokens>(this.options.storage, tokensKey);
    if (!tokens) throw new SignInError('Sign in to continue.', 'not-signed-in');
    if (userOfIdToken(tokens.idToken).expiresAtMs - this.now() > refreshMarginMs) return tokens.idToken;
    this.refreshing ??= this.refresh(tokens).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Forgets the tokens; returns managed login's sign-out address when the stage has one. */
  signOut(returnTo: string): URL | undefined {
    this.forget();
    const { logoutUrl, clientId } = this.options.config;
    if (!logoutUrl) return undefined;
    const url = new URL(logoutUrl);
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('logout_uri', returnTo);
    return url;
  }

  private async refresh(tokens: StoredTokens): Promise<string> {
    if (!tokens.refreshToken) {
      this.forget();
      throw new SignInError('Your sign-in has ended. Sign in again.', 'ended');
    }
    const server = await this.authorizationServer();
    try {
      const response = await oauth.refreshTokenGrantRequest(
        server,
        this.client,
        oauth.None(),
        tokens.refreshToken,
        this.http,
      );
      const result = await oauth.processRefreshTokenResponse(server, this.client, response);
      if (!result.id_token) throw new SignInError('The sign-in service returned no ID token.', 'refused');
      // A user pool keeps the refresh token it issued; a rotating issuer sends a new one.
      this.keep({ idToken: result.id_token, refreshToken: result.refresh_token ?? tokens.refreshToken });
      return result.id_token;
    } catch (error) {
      const failure = signInErrorOf(error);
      if (failure.reason !== 'unreachable') this.forget();
      throw failure.reason === 'refused'
        ? new SignInError('Your sign-in has ended. Sign in again.', 'ended')
        : failure;
    }
  }

  private refreshTokenOf(result: oauth.TokenEndpointResponse): { refreshToken?: string } {
    return result.refresh_token ? { refreshToken: result.refresh_token } : {};
  }

  private keep(tokens: StoredTokens): SignedInUser {
    const user = userOfIdToken(tokens.idToken);
    this.options.storage.setItem(tokensKey, JSON.stringify(tokens));
    return user;
  }

  private forget(): void {
    this.options.storage.removeItem(tokensKey);
  }

  private authorizationServer(): Promise<oauth.AuthorizationServer> {
    this.server ??= (async () => {
      const issuer = new URL(this.options.config.issuer);
      const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...this.http });
      return oauth.processDiscoveryResponse(issuer, response);
    })().catch((error: unknown) => {
      this.server = undefined;
      throw error instanceof SignInError
        ? error
        : new SignInError('The sign-in service cannot be reached.', 'unreachable');
    });
    return this.server;
  }
}

/**
 * What the person is told: an OAuth error code from the issuer (never its free text, which may
 * carry internals), or that the service could not be reached.
 */
function signInErrorOf(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    return new SignInError(`Sign-in was refused (${error.error}). Sign in again.`, 'refused');
  }
  if (error instanceof TypeError)
    return new SignInError('The sign-in service cannot be reached.', 'unreachable');
  return new SignInError('Sign-in did not complete. Sign in again.', 'refused');
}
