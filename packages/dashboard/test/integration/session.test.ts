/**
 * The employee page's sign-in session against a real local issuer: the authorization code flow
 * with PKCE end to end (the issuer's form answered as a browser would post it), a refresh when
 * the ID token nears its expiry, and the refusals: a replayed or forged callback, a refresh token
 * the issuer does not know, an issuer that cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SignInError,
  SignInSession,
  type KeyValueStore,
  type SignInSessionOptions,
} from '../../src/employee/session.ts';
import { startLocalIssuer, type LocalIssuer } from '../../../appsync-local/src/issuer/index.ts';

const redirectUri = 'http://127.0.0.1:9/me.html';
const hourMs = 3_600_000;

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await startLocalIssuer();
});

afterAll(async () => {
  await issuer?.close();
});

const sessionWith = (storage: KeyValueStore, options: Partial<SignInSessionOptions> = {}) =>
  new SignInSession({
    config: { issuer: issuer.issuer, clientId: issuer.audience },
    storage,
    redirectUri,
    ...options,
  });

/** Posts the issuer's sign-in form as the browser would, and returns where it sends the browser. */
async function answerSignInForm(authorizationUrl: URL, user: Record<string, string>): Promise<URL> {
  const form = new URLSearchParams([...authorizationUrl.searchParams, ...Object.entries(user)]);
  const response = await fetch(new URL('/authorize', issuer.issuer), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

const dana = { user_id: 'dana', display_name: 'Dana Scully', team: 'blue' };

async function signedIn(storage: MemoryStore): Promise<{ session: SignInSession; callback: URL }> {
  const session = sessionWith(storage);
  const callback = await answerSignInForm(await session.authorizationUrl(), dana);
  await session.completeSignIn(callback);
  return { session, callback };
}

describe('the sign-in session', () => {
  it('signs in with the code flow and PKCE, and keeps the ID token for the API', async () => {
    const storage = new MemoryStore();
    const session = sessionWith(storage);
    const authorizationUrl = await session.authorizationUrl();
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      client_id: issuer.audience,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    const callback = await answerSignInForm(authorizationUrl, dana);
    expect(SignInSession.isCallback(callback)).toBe(true);

    await expect(session.completeSignIn(callback)).resolves.toMatchObject({
      userId: 'dana',
      name: 'Dana Scully',
      team: 'blue',
    });
    expect(session.user()).toMatchObject({ userId: 'dana' });
    const token = await session.idToken();
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ iss: issuer.issuer, aud: issuer.audience, sub: 'dana', token_use: 'id' });
  });

  it('refreshes the ID token shortly before it expires', async () => {
    const storage = new MemoryStore();
    const { session } = await signedIn(storage);
    const first = await session.idToken();
    expect(await session.idToken()).toBe(first);

    // An hour on, the token has under a minute left: the refresh token buys a new one.
    const later = sessionWith(storage, { now: () => Date.now() + hourMs });
    const refreshed = await later.idToken();
    expect(refreshed).not.toBe(first);
    expect(later.user()).toMatchObject({ userId: 'dana', name: 'Dana Scully' });
    expect(await sessionWith(storage).idToken()).toBe(refreshed);
  });

  it('refuses a callback used twice or one whose state is not its own', async () => {
    const storage = new MemoryStore();
    const { session, callback } = await signedIn(storage);
    await expect(session.completeSignIn(callback)).rejects.toMatchObject({ reason: 'refused' });

    const forged = await answerSignInForm(await session.authorizationUrl(), dana);
    forged.searchParams.set('state', 'someone-elses-state');
    await expect(session.completeSignIn(forged)).rejects.toThrow(SignInError);
  });

  it('ends the sign-in when the refresh token is refused', async () => {
    const storage = new MemoryStore();
    await signedIn(storage);
    const tokens = JSON.parse(storage.getItem('leaderboard.sign-in.tokens') ?? '{}') as object;
    storage.setItem('leaderboard.sign-in.tokens', JSON.stringify({ ...tokens, refreshToken: 'unknown' }));
    const later = sessionWith(storage, { now: () => Date.now() + hourMs });
    await expect(later.idToken()).rejects.toMatchObject({ reason: 'ended' });
    expect(later.user()).toBeUndefined();
  });

  it('signs out, through the sign-out endpoint when the stage has one', async () => {
    const storage = new MemoryStore();
    const { session } = await signedIn(storage);
    expect(session.signOut(redirectUri)).toBeUndefined();
    expect(session.user()).toBeUndefined();
    await expect(session.idToken()).rejects.toMatchObject({ reason: 'not-signed-in' });

    const managed = sessionWith(storage, {
      config: { issuer: issuer.issuer, clientId: 'c1', logoutUrl: 'https://auth.example.com/logout' },
    });
    expect(managed.signOut(redirectUri)?.href).toBe(
      `https://auth.example.com/logout?client_id=c1&logout_uri=${encodeURIComponent(redirectUri)}`,
    );
  });

  it('says so when the issuer cannot be reached, without its error text', async () => {
    const unreachable = new SignInSession({
      config: { issuer: 'http://127.0.0.1:9', clientId: 'c1' },
      storage: new MemoryStore(),
      redirectUri,
    });
    await expect(unreachable.authorizationUrl()).rejects.toMatchObject({
      reason: 'unreachable',
      message: 'The sign-in service cannot be reached.',
    });
  });
});
