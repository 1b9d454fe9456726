/**
 * The verifier over several issuers, with every JWKS preloaded through `cacheJwks` and a
 * fetcher that refuses, so nothing here touches the network.
 */
import type { Fetcher } from 'aws-jwt-verify/https';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier, TokenWithoutExpiryError } from '../../src/auth/token-verifier.ts';
import { createSigningKey, epochSeconds, type SigningKey } from '../support/signing-key.ts';

class NoNetworkError extends Error {}
const noNetwork: Fetcher = { fetch: (uri) => Promise.reject(new NoNetworkError(`no network for ${uri}`)) };

const userPoolId = 'eu-west-1_Pool1';
const cognitoIssuer = `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
const cognitoUpdatedIssuer = `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
const oidcIssuer = 'https://login.example.com/realms/staff';

describe('token verifier trusting a Cognito pool and an OIDC issuer', () => {
  let cognitoKey: SigningKey;
  let oidcKey: SigningKey;
  let verifier: ReturnType<typeof createJwtVerifier>;

  beforeAll(async () => {
    [cognitoKey, oidcKey] = await Promise.all([createSigningKey(), createSigningKey()]);
    verifier = createJwtVerifier(
      [
        { kind: 'cognito', userPoolId, clientId: 'web-client' },
        { kind: 'oidc', issuer: oidcIssuer, audience: ['leaderboard'], jwksUri: null },
      ],
      { fetcher: noNetwork },
    );
    verifier.cacheJwks(cognitoKey.jwks, cognitoIssuer);
    verifier.cacheJwks(cognitoKey.jwks, cognitoUpdatedIssuer);
    verifier.cacheJwks(oidcKey.jwks, oidcIssuer);
  });

  const cognitoClaims = (iss: string) => ({
    iss,
    sub: 'u1',
    token_use: 'id',
    aud: 'web-client',
    iat: epochSeconds(),
  });
  const oidcClaims = { iss: oidcIssuer, sub: 'u2', aud: 'leaderboard', iat: epochSeconds() };

  it('requires exp of an OIDC token', async () => {
    await expect(
      verifier.verify(await oidcKey.sign({ ...oidcClaims, exp: epochSeconds(60) })),
    ).resolves.toMatchObject({ sub: 'u2' });
    await expect(verifier.verify(await oidcKey.sign(oidcClaims))).rejects.toThrow(TokenWithoutExpiryError);
  });

  it('requires exp of a Cognito token', async () => {
    const claims = cognitoClaims(cognitoIssuer);
    await expect(
      verifier.verify(await cognitoKey.sign({ ...claims, exp: epochSeconds(60) })),
    ).resolves.toMatchObject({
      sub: 'u1',
    });
    await expect(verifier.verify(await cognitoKey.sign(claims))).rejects.toThrow(TokenWithoutExpiryError);
  });

  it("accepts the pool's UPDATED issuer as CognitoJwtVerifier does", async () => {
    const token = await cognitoKey.sign({ ...cognitoClaims(cognitoUpdatedIssuer), exp: epochSeconds(60) });
    await expect(verifier.verify(token)).resolves.toMatchObject({ iss: cognitoUpdatedIssuer });
  });

  it("checks a token against its own issuer's keys only", async () => {
    const claims = { ...cognitoClaims(cognitoIssuer), exp: epochSeconds(60) };
    // The OIDC key is trusted, but not for the pool: its kid is looked up in the pool's JWKS alone.
    await expect(verifier.verify(await oidcKey.sign(claims))).rejects.toThrow(NoNetworkError);
    const forger = await createSigningKey(cognitoKey.kid);
    await expect(verifier.verify(await forger.sign(claims))).rejects.toThrow(/Invalid signature/);
  });

  it('refuses a token without iss, and one from an issuer not configured, before fetching any key', async () => {
    const { iss: _omitted, ...withoutIssuer } = { ...oidcClaims, exp: epochSeconds(60) };
    await expect(verifier.verify(await oidcKey.sign(withoutIssuer))).rejects.toThrow(
      /issuer must be provided/,
    );
    const stranger = await oidcKey.sign({
      ...oidcClaims,
      iss: 'https://elsewhere.example.com',
      exp: epochSeconds(60),
    });
    await expect(verifier.verify(stranger)).rejects.toThrow(/issuer not configured/);
  });
});
