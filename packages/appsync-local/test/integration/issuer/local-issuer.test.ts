import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IssuerSigningKeyError, startLocalIssuer, type LocalIssuer } from '../../../src/issuer/index.ts';

let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await startLocalIssuer({ audience: 'dashboard' });
});
afterAll(async () => {
  await issuer.close();
});

it('publishes its discovery document and JWKS on its own port', async () => {
  expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const discovery = (await (await fetch(issuer.discoveryUri)).json()) as Record<string, unknown>;
  expect(discovery).toMatchObject({ issuer: issuer.issuer, jwks_uri: issuer.jwksUri });
  const jwks = (await (await fetch(issuer.jwksUri)).json()) as { keys: Record<string, unknown>[] };
  expect(jwks.keys).toHaveLength(1);
  expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
  expect(jwks.keys[0]).not.toHaveProperty('d');
  expect((await fetch(`${issuer.issuer}/nothing`)).status).toBe(404);
});

it('mints RS256 tokens that verify against its JWKS with the asked claims', async () => {
  const token = await issuer.mintToken({
    sub: 'user-1',
    name: 'Ada',
    groups: ['admins'],
    expiresInSeconds: 60,
  });
  expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: issuer.jwks.keys[0]!.kid });
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUri)), {
    issuer: issuer.issuer,
    audience: 'dashboard',
  });
  expect(payload).toMatchObject({
    sub: 'user-1',
    name: 'Ada',
    'cognito:groups': ['admins'],
    token_use: 'id',
  });
  expect(payload.exp! - payload.iat!).toBe(60);
});

it('mints expired tokens and tokens for other audiences when asked', async () => {
  const keys = createRemoteJWKSet(new URL(issuer.jwksUri));
  const expired = await issuer.mintToken({ sub: 'user-1', expiresInSeconds: -10 });
  await expect(jwtVerify(expired, keys, { issuer: issuer.issuer })).rejects.toThrow(/exp/);
  const elsewhere = await issuer.mintToken({ sub: 'user-1', audience: 'other' });
  await expect(jwtVerify(elsewhere, keys, { audience: 'dashboard' })).rejects.toThrow(/aud/);
});

it('signs with a key it is handed, so tokens minted before a restart still verify', async () => {
  const before = await issuer.mintToken({ sub: 'user-1' });
  const restarted = await startLocalIssuer({ audience: 'dashboard', signingKey: issuer.signingKey });
  try {
    expect(restarted.jwks).toEqual(issuer.jwks);
    const { payload } = await jwtVerify(before, createRemoteJWKSet(new URL(restarted.jwksUri)), {
      audience: 'dashboard',
    });
    expect(payload.sub).toBe('user-1');
    const fresh = await startLocalIssuer();
    await expect(jwtVerify(before, createRemoteJWKSet(new URL(fresh.jwksUri)))).rejects.toThrow(
      /no applicable key/i,
    );
    await fresh.close();
  } finally {
    await restarted.close();
  }
});

it('refuses a signing key that is not an RSA private key', async () => {
  const { privateJwk } = issuer.signingKey;
  const publicOnly = { kty: privateJwk.kty, n: privateJwk.n, e: privateJwk.e };
  await expect(
    startLocalIssuer({ signingKey: { keyId: 'k1', privateJwk: publicOnly } }),
  ).rejects.toBeInstanceOf(IssuerSigningKeyError);
});
