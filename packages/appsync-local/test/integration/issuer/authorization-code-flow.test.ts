/**
 * The issuer's authorization code flow with PKCE, driven over HTTP the way a browser and a
 * client drive a user pool's managed login: discovery, the sign-in form, the redirect with a
 * code, the token exchange, the refresh, and every refusal a client can meet.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type LocalIssuer } from '../../../src/issuer/index.ts';

const clientId = 'employee-page';
const redirectUri = 'http://127.0.0.1:53999/callback';
let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await startLocalIssuer({ audience: clientId, teamClaim: 'custom:team' });
});
afterAll(async () => {
  await issuer.close();
});

interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizationParameters(challenge: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
}

const authorizeUrl = (parameters: URLSearchParams) => `${issuer.issuer}/authorize?${parameters}`;

/** Submits the sign-in form as the browser would: the request's parameters plus what the user typed. */
function submitForm(parameters: URLSearchParams, user: Record<string, string>): Promise<Response> {
  return fetch(`${issuer.issuer}/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...parameters, ...Object.entries(user)]),
  });
}

async function codeFor(flow: Pkce, user: Record<string, string>, extra: Record<string, string> = {}) {
  const response = await submitForm(authorizationParameters(flow.challenge, extra), user);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  return { location, code: location.searchParams.get('code') ?? '' };
}

function token(form: Record<string, string>): Promise<Response> {
  return fetch(`${issuer.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

const exchange = (code: string, verifier: string, overrides: Record<string, string> = {}) =>
  token({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
    ...overrides,
  });

const ada = { user_id: 'ada', display_name: 'Ada Lovelace', team: 'engines', admin: 'on' };

describe('discovery', () => {
  it("publishes the flow's endpoints, the code response type and S256 only", async () => {
    const discovery = (await (await fetch(issuer.discoveryUri)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: issuer.issuer,
      authorization_endpoint: `${issuer.issuer}/authorize`,
      token_endpoint: `${issuer.issuer}/token`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
  });
});

describe('signing in', () => {
  it('shows a form that asks who you are and carries the request along', async () => {
    const flow = pkce();
    const response = await fetch(authorizeUrl(authorizationParameters(flow.challenge)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const field of ['user_id', 'display_name', 'team', 'admin'])
      expect(html).toContain(`name="${field}"`);
    expect(html).toContain(`name="code_challenge" value="${flow.challenge}"`);
    expect(html).not.toMatch(/type="password"/);
  });

  it('redirects back with a code and the state, and the code and verifier buy signed tokens', async () => {
    const flow = pkce();
    const { location, code } = await codeFor(flow, ada);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-1');
    const response = await exchange(code, flow.verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Record<string, string | number>;
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });

    const keys = createRemoteJWKSet(new URL(issuer.jwksUri));
    const { payload: id } = await jwtVerify(String(tokens.id_token), keys, {
      issuer: issuer.issuer,
      audience: clientId,
    });
    expect(id).toMatchObject({
      sub: 'ada',
      name: 'Ada Lovelace',
      'cognito:groups': ['admins'],
      'custom:team': 'engines',
      nonce: 'nonce-1',
      token_use: 'id',
    });
    expect(id.exp! - id.iat!).toBe(3600);
    const { payload: access } = await jwtVerify(String(tokens.access_token), keys, { issuer: issuer.issuer });
    expect(access).toMatchObject({
      sub: 'ada',
      token_use: 'access',
      client_id: clientId,
      scope: 'openid email profile',
    });
    expect(access.aud).toBeUndefined();
  });

  it('leaves out the groups and team of a user who ticked neither', async () => {
    const flow = pkce();
    const { code } = await codeFor(flow, { user_id: 'bo', display_name: 'Bo' });
    const tokens = (await (await exchange(code, flow.verifier)).json()) as { id_token: string };
    const claims = decodeJwt(tokens.id_token);
    expect(claims).toMatchObject({ sub: 'bo', name: 'Bo' });
    expect(claims).not.toHaveProperty('cognito:groups');
    expect(claims).not.toHaveProperty('custom:team');
  });

  it('accepts any loopback port (RFC 8252) and localhost, over http or https', async () => {
    for (const uri of [
      'http://127.0.0.1:61234/cb',
      'http://localhost:8080/sign-in',
      'http://[::1]:5000/',
      'https://127.0.0.1:4001/me.html',
    ]) {
      const flow = pkce();
      const { location } = await codeFor(flow, ada, { redirect_uri: uri });
      expect(location.href.startsWith(uri.replace(/\/$/, ''))).toBe(true);
    }
  });

  it('asks again, without redirecting, when the user id or display name is missing', async () => {
    const flow = pkce();
    const response = await submitForm(authorizationParameters(flow.challenge), {
      user_id: 'ada',
      display_name: ' ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('A user id and a display name are required.');
  });

  it('escapes what it echoes into the page', async () => {
    const flow = pkce();
    const html = await (
      await fetch(
        authorizeUrl(authorizationParameters(flow.challenge, { state: '"><script>alert(1)</script>' })),
      )
    ).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('requests it refuses', () => {
  it('shows an error, and redirects nowhere, for an unknown client or a redirect off this machine', async () => {
    const flow = pkce();
    const extras: Record<string, string>[] = [
      { client_id: 'someone-else' },
      { redirect_uri: 'https://evil.example.com/cb' },
    ];
    for (const extra of extras) {
      const response = await fetch(authorizeUrl(authorizationParameters(flow.challenge, extra)), {
        redirect: 'manual',
      });
      expect(response.status, JSON.stringify(extra)).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('sends the client an error for a request without S256 PKCE or the openid scope', async () => {
    const flow = pkce();
    const cases: [Record<string, string>, string][] = [
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: '' }, 'invalid_request'],
      [{ scope: 'email' }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
    ];
    for (const [extra, error] of cases) {
      const response = await fetch(authorizeUrl(authorizationParameters(flow.challenge, extra)), {
        redirect: 'manual',
      });
      expect(response.status, JSON.stringify(extra)).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('state-1');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('gives no tokens for a wrong verifier, another redirect URI or client, or a code used once already', async () => {
    const flow = pkce();
    const attempts: Record<string, string>[] = [
      { code_verifier: pkce().verifier },
      { redirect_uri: 'http://127.0.0.1:1/other' },
      { client_id: 'someone-else' },
    ];
    for (const overrides of attempts) {
      const { code } = await codeFor(flow, ada);
      const response = await exchange(code, flow.verifier, overrides);
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    }
    const { code } = await codeFor(flow, ada);
    expect((await exchange(code, flow.verifier)).status).toBe(200);
    expect(await (await exchange(code, flow.verifier)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unknown grant type', async () => {
    const response = await token({ grant_type: 'password', username: 'ada', password: 'x' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('refreshing', () => {
  it('gives new tokens for the same user and keeps the refresh token, for its own client only', async () => {
    const flow = pkce();
    const { code } = await codeFor(flow, ada);
    const first = (await (await exchange(code, flow.verifier)).json()) as Record<string, string>;
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
    const tokens = (await refreshed.json()) as Record<string, string>;
    expect(tokens.refresh_token).toBeUndefined();
    expect(decodeJwt(tokens.id_token!)).toMatchObject({ sub: 'ada', name: 'Ada Lovelace', aud: clientId });
    expect(tokens.id_token).not.toBe(first.id_token);

    const elsewhere = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token!,
      client_id: 'other',
    });
    expect(await elsewhere.json()).toMatchObject({ error: 'invalid_grant' });
    const unknown = await token({
      grant_type: 'refresh_token',
      refresh_token: 'made-up',
      client_id: clientId,
    });
    expect(unknown.status).toBe(400);
  });
});
