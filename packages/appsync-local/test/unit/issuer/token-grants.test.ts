/**
 * The issuer's codes and refresh grants on their own, with a clock the test moves: what a code
 * buys once, and every redemption or refresh it refuses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateKeyPair, jwtVerify, type CryptoKey } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationRequest, SignedInUser } from '../../../src/issuer/authorization-request.ts';
import { OAuthError } from '../../../src/issuer/oauth-error.ts';
import { TokenGrants, type CodeRedemption } from '../../../src/issuer/token-grants.ts';

const issuer = 'http://127.0.0.1:4999';
const verifier = randomBytes(32).toString('base64url');
const request: AuthorizationRequest = {
  clientId: 'employee-page',
  redirectUri: 'http://127.0.0.1:53999/callback',
  state: 'state-1',
  nonce: 'nonce-1',
  scope: 'openid profile',
  codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
};
const ada: SignedInUser = { sub: 'ada', name: 'Ada Lovelace', team: 'engines', admin: true };

let keys: { publicKey: CryptoKey; privateKey: CryptoKey };
let clock: number;
let grants: TokenGrants;

beforeAll(async () => {
  keys = await generateKeyPair('RS256');
});
beforeEach(() => {
  clock = Date.UTC(2025, 0, 1);
  grants = new TokenGrants({
    issuer: () => issuer,
    signingKey: { privateKey: keys.privateKey, keyId: 'key-1' },
    now: () => clock,
  });
});

const redemption = (code: string, overrides: Partial<CodeRedemption> = {}): CodeRedemption => ({
  code,
  verifier,
  clientId: request.clientId,
  redirectUri: request.redirectUri,
  ...overrides,
});

const refusal = (description: string) => ({
  name: 'OAuthError',
  code: 'invalid_grant',
  message: description,
});

describe('redeeming a code', () => {
  it('buys ID and access tokens signed with the key, and a refresh token', async () => {
    const code = grants.issueCode(request, ada);
    clock += 5_000;
    const tokens = await grants.redeemCode(redemption(code));
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });

    const { payload: id, protectedHeader } = await jwtVerify(tokens.id_token, keys.publicKey, {
      issuer,
      audience: request.clientId,
      currentDate: new Date(clock),
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: 'key-1', typ: 'JWT' });
    expect(id).toMatchObject({
      sub: 'ada',
      name: 'Ada Lovelace',
      token_use: 'id',
      'cognito:groups': ['admins'],
      'custom:team': 'engines',
      nonce: 'nonce-1',
      auth_time: clock / 1000 - 5,
      iat: clock / 1000,
      exp: clock / 1000 + 3600,
    });
    const { payload: access } = await jwtVerify(tokens.access_token, keys.publicKey, {
      issuer,
      currentDate: new Date(clock),
    });
    expect(access).toMatchObject({
      token_use: 'access',
      client_id: request.clientId,
      scope: 'openid profile',
    });
    expect(access.aud).toBeUndefined();
  });

  it('refuses a code the second time', async () => {
    const code = grants.issueCode(request, ada);
    await grants.redeemCode(redemption(code));
    await expect(grants.redeemCode(redemption(code))).rejects.toMatchObject(
      refusal('the code is unknown, used or expired'),
    );
  });

  it('refuses a code a minute old, and one it never issued', async () => {
    const code = grants.issueCode(request, ada);
    clock += 60_000;
    await expect(grants.redeemCode(redemption(code))).rejects.toMatchObject(
      refusal('the code is unknown, used or expired'),
    );
    await expect(grants.redeemCode(redemption('made-up'))).rejects.toBeInstanceOf(OAuthError);
  });

  it('refuses a wrong verifier, and a short one even when it hashes to the challenge', async () => {
    const mismatch = refusal('the code_verifier does not match the code_challenge');
    const other = randomBytes(32).toString('base64url');
    await expect(
      grants.redeemCode(redemption(grants.issueCode(request, ada), { verifier: other })),
    ).rejects.toMatchObject(mismatch);

    const short = 'too-short';
    const shortRequest = {
      ...request,
      codeChallenge: createHash('sha256').update(short).digest('base64url'),
    };
    await expect(
      grants.redeemCode(redemption(grants.issueCode(shortRequest, ada), { verifier: short })),
    ).rejects.toMatchObject(mismatch);
  });

  it('refuses another client or redirect URI than the request named, and burns the code', async () => {
    const differ = refusal('client_id or redirect_uri differ from the authorization request');
    for (const overrides of [{ clientId: 'someone-else' }, { redirectUri: null }]) {
      const code = grants.issueCode(request, ada);
      await expect(grants.redeemCode(redemption(code, overrides))).rejects.toMatchObject(differ);
      await expect(grants.redeemCode(redemption(code))).rejects.toMatchObject(
        refusal('the code is unknown, used or expired'),
      );
    }
  });
});

describe('refreshing', () => {
  it('gives new tokens with the first sign-in time and no nonce, to the client it was issued to only', async () => {
    const { refresh_token: refreshToken } = await grants.redeemCode(
      redemption(grants.issueCode(request, ada)),
    );
    clock += 600_000;
    const tokens = await grants.refresh(refreshToken, request.clientId);
    expect(tokens).not.toHaveProperty('refresh_token');
    const { payload } = await jwtVerify(tokens.id_token, keys.publicKey, { currentDate: new Date(clock) });
    expect(payload).toMatchObject({ sub: 'ada', auth_time: clock / 1000 - 600, iat: clock / 1000 });
    expect(payload).not.toHaveProperty('nonce');

    const another = refusal('the refresh token is unknown or was issued to another client');
    await expect(grants.refresh(refreshToken, 'someone-else')).rejects.toMatchObject(another);
    await expect(grants.refresh(refreshToken, null)).rejects.toMatchObject(another);
    await expect(grants.refresh('made-up', request.clientId)).rejects.toMatchObject(another);
  });
});
