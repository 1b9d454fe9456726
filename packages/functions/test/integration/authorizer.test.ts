import { Logger } from '@aws-lambda-powertools/logger';
import { serviceConfig } from '@leaderboard/core/config';
import type { AppSyncAuthorizerEvent } from 'aws-lambda';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { authorize, type AuthorizerDependencies } from '../../src/auth/authorize.ts';
import { LoopbackAwareFetcher } from '../../src/auth/jwks-fetcher.ts';
import { createJwtVerifier, createTokenVerifier } from '../../src/auth/token-verifier.ts';
import { startLocalIssuer, type LocalIssuer } from 'appsync-local/issuer';
import { createSigningKey, epochSeconds, type SigningKey } from '../support/signing-key.ts';

const event = (authorizationToken: string): AppSyncAuthorizerEvent => ({
  authorizationToken,
  requestContext: {
    apiId: 'local',
    accountId: '000000000000',
    requestId: 'r1',
    queryString: '{ activityTypes { type } }',
    variables: {},
  },
  requestHeaders: {},
});

/** Asserts the refusal and that its one warning names the reason (never returned to the caller). */
async function expectRefusedBy(
  deps: AuthorizerDependencies,
  warnings: MockInstance<Logger['warn']>,
  token: string,
  reason: RegExp | string,
) {
  warnings.mockClear();
  expect(await authorize(event(token), deps)).toEqual({ isAuthorized: false });
  expect(warnings).toHaveBeenCalledTimes(1);
  const [message, details] = warnings.mock.calls[0]!;
  expect(`${String(message)} ${JSON.stringify(details ?? {})}`).toMatch(reason);
}

/** Counts JWKS downloads, to show the keys are cached across invocations. */
class CountingFetcher extends LoopbackAwareFetcher {
  downloads = 0;
  override async fetch(uri: string, requestOptions?: Record<string, unknown>, data?: ArrayBuffer) {
    this.downloads += 1;
    return super.fetch(uri, requestOptions, data);
  }
}

describe('authorizer against a local OIDC issuer (JWKS over loopback http)', () => {
  let issuer: LocalIssuer;
  let deps: AuthorizerDependencies;
  let fetcher: CountingFetcher;
  const logger = new Logger({ serviceName: 'authorizer-test', logLevel: 'SILENT' });
  const warnings = vi.spyOn(logger, 'warn');

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    fetcher = new CountingFetcher();
    deps = {
      verify: createTokenVerifier(
        { kind: 'oidc', issuer: issuer.issuer, audience: [issuer.audience], jwksUri: issuer.jwksUri },
        { fetcher },
      ),
      logger,
      ttlSeconds: serviceConfig.authorizerTtlSeconds,
      maxUserIdLength: serviceConfig.maxStringLength,
      team: { claim: serviceConfig.teamClaim, maxLength: serviceConfig.maxTeamIdLength },
    };
  });

  afterAll(async () => {
    await issuer.close();
  });

  it('authorizes a valid token with the user, display name and groups for resolvers', async () => {
    const token = await issuer.mintToken({
      sub: 'user-1',
      name: 'Ada Lovelace',
      groups: ['staff', 'admins'],
    });
    const result = await authorize(event(`Bearer ${token}`), deps);
    expect(result).toEqual({
      isAuthorized: true,
      resolverContext: { userId: 'user-1', displayName: 'Ada Lovelace', groups: 'staff,admins' },
      deniedFields: ['Mutation.publishLeaderboard'],
      ttlOverride: serviceConfig.authorizerTtlSeconds,
    });
  });

  it('names the user by the name claim only, else by the subject, never by a name the user picks', async () => {
    const preferred = await issuer.mintToken({ sub: 'user-2', claims: { preferred_username: 'grace' } });
    expect((await authorize(event(preferred), deps)).resolverContext).toEqual({
      userId: 'user-2',
      displayName: 'user-2',
      groups: '',
    });
    const bare = await issuer.mintToken({ sub: 'user-3' });
    expect((await authorize(event(bare), deps)).resolverContext?.displayName).toBe('user-3');
  });

  it('names the user of a Cognito access token by its subject, not its username (an e-mail address), with its cognito:groups', async () => {
    // Claims as a Cognito access token carries them (no name, no cognito:username), signed by the local issuer.
    const token = await issuer.mintToken({
      sub: 'user-5',
      claims: { token_use: 'access', username: 'ada@example.com', 'cognito:groups': ['coaches'] },
    });
    expect((await authorize(event(token), deps)).resolverContext).toEqual({
      userId: 'user-5',
      displayName: 'user-5',
      groups: 'coaches',
    });
  });

  it("passes the user's team from the team claim, and leaves out one unusable in keys", async () => {
    const teamed = await issuer.mintToken({
      sub: 'user-6',
      claims: { [serviceConfig.teamClaim]: 'blue-team' },
    });
    expect((await authorize(event(teamed), deps)).resolverContext).toEqual({
      userId: 'user-6',
      displayName: 'user-6',
      groups: '',
      teamId: 'blue-team',
    });
    const unusable = await issuer.mintToken({ sub: 'user-7', claims: { [serviceConfig.teamClaim]: 'a#b' } });
    const result = await authorize(event(unusable), deps);
    expect(result.isAuthorized).toBe(true);
    expect(result.resolverContext).not.toHaveProperty('teamId');
    expect(warnings).toHaveBeenCalledWith('team claim ignored: not a usable team id', {
      claim: serviceConfig.teamClaim,
    });
  });

  it('never caches a decision past the token expiry', async () => {
    const token = await issuer.mintToken({ sub: 'user-4', expiresInSeconds: 20 });
    const result = await authorize(event(token), deps);
    expect(result.ttlOverride).toBeGreaterThan(15);
    expect(result.ttlOverride).toBeLessThanOrEqual(20);
  });

  it('fetches the JWKS once and reuses it across invocations', async () => {
    const before = fetcher.downloads;
    for (const sub of ['a', 'b', 'c']) {
      expect((await authorize(event(await issuer.mintToken({ sub })), deps)).isAuthorized).toBe(true);
    }
    expect(fetcher.downloads - before).toBe(0);
    expect(fetcher.downloads).toBe(1);
  });

  describe('refuses, logging the reason', () => {
    const expectRefused = (token: string, reason: RegExp | string) =>
      expectRefusedBy(deps, warnings, token, reason);

    it('a missing token', async () => {
      await expectRefused('', 'no token');
      await expectRefused('Bearer   ', 'no token');
    });

    it('an expired token', async () => {
      await expectRefused(await issuer.mintToken({ sub: 'u', expiresInSeconds: -60 }), /expired/i);
    });

    it('a token for another audience', async () => {
      await expectRefused(await issuer.mintToken({ sub: 'u', audience: 'someone-else' }), /audience/i);
    });

    it('a token signed by another key with the issuer key id (forged)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const kid = issuer.jwks.keys[0]!.kid!;
      const forged = await new SignJWT({ sub: 'u', aud: issuer.audience })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(issuer.issuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      await expectRefused(forged, /signature/i);
    });

    it('a token from another issuer, whose keys are not ours', async () => {
      const otherIssuer = await startLocalIssuer({ audience: issuer.audience });
      try {
        await expectRefused(await otherIssuer.mintToken({ sub: 'u' }), /not found in the JWKS/);
      } finally {
        await otherIssuer.close();
      }
    });

    it('an unsigned token (alg none)', async () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'u', iss: issuer.issuer, aud: issuer.audience, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      await expectRefused(unsigned, /did not verify/);
    });

    it('garbage', async () => {
      await expectRefused('not-a-jwt', /did not verify/);
    });

    it('a subject that cannot be a user id', async () => {
      await expectRefused(await issuer.mintToken({ sub: 'a#b' }), /subject/);
    });
  });
});

describe('one authorizer trusting the Cognito user pool and an OIDC issuer', () => {
  const userPoolId = 'eu-west-1_Wellness1';
  const clientId = 'web-client';
  const cognitoIssuer = `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
  let oidc: LocalIssuer;
  let cognitoKey: SigningKey;
  let deps: AuthorizerDependencies;
  const logger = new Logger({ serviceName: 'authorizer-test', logLevel: 'SILENT' });
  const warnings = vi.spyOn(logger, 'warn');

  beforeAll(async () => {
    [oidc, cognitoKey] = await Promise.all([startLocalIssuer(), createSigningKey()]);
    // The configuration the deployed stack gives the authorizer: its pool and client, plus an OIDC issuer.
    const verifier = createJwtVerifier(
      [
        { kind: 'cognito', userPoolId, clientId },
        { kind: 'oidc', issuer: oidc.issuer, audience: [oidc.audience], jwksUri: oidc.jwksUri },
      ],
      { fetcher: new CountingFetcher() },
    );
    // Stands for Cognito's JWKS endpoint, which cannot be reached from here; the OIDC keys come over loopback http.
    verifier.cacheJwks(cognitoKey.jwks, cognitoIssuer);
    deps = {
      verify: (token) => verifier.verify(token),
      logger,
      ttlSeconds: serviceConfig.authorizerTtlSeconds,
      maxUserIdLength: serviceConfig.maxStringLength,
      team: { claim: serviceConfig.teamClaim, maxLength: serviceConfig.maxTeamIdLength },
    };
  });

  afterAll(async () => {
    await oidc.close();
  });

  const cognitoIdClaims = (overrides: Record<string, unknown> = {}) => ({
    iss: cognitoIssuer,
    sub: 'cognito-user',
    aud: clientId,
    token_use: 'id',
    'cognito:username': 'ada@example.com',
    name: 'Ada Lovelace',
    'cognito:groups': ['admins'],
    iat: epochSeconds(),
    exp: epochSeconds(600),
    ...overrides,
  });

  it('accepts a Cognito ID token', async () => {
    const result = await authorize(event(await cognitoKey.sign(cognitoIdClaims())), deps);
    expect(result.resolverContext).toEqual({
      userId: 'cognito-user',
      displayName: 'Ada Lovelace',
      groups: 'admins',
    });
  });

  it('accepts a Cognito access token, whose client is in client_id', async () => {
    const accessClaims = {
      ...cognitoIdClaims({ token_use: 'access', client_id: clientId, username: 'grace' }),
      aud: undefined,
      'cognito:username': undefined,
      name: undefined,
    };
    const result = await authorize(event(await cognitoKey.sign(accessClaims)), deps);
    expect(result.resolverContext).toEqual({
      userId: 'cognito-user',
      displayName: 'cognito-user',
      groups: 'admins',
    });
  });

  it('accepts a token of the OIDC issuer', async () => {
    const token = await oidc.mintToken({ sub: 'oidc-user', name: 'Oda', groups: ['staff'] });
    expect((await authorize(event(token), deps)).resolverContext).toEqual({
      userId: 'oidc-user',
      displayName: 'Oda',
      groups: 'staff',
    });
  });

  describe('refuses', () => {
    const expectRefused = (token: string, reason: RegExp | string) =>
      expectRefusedBy(deps, warnings, token, reason);

    it('a Cognito-shaped token signed by another key under the pool key id', async () => {
      const forger = await createSigningKey(cognitoKey.kid);
      await expectRefused(await forger.sign(cognitoIdClaims()), /signature/i);
    });

    it('a token signed with the pool key but naming the OIDC issuer', async () => {
      const claims = cognitoIdClaims({ iss: oidc.issuer, aud: oidc.audience });
      await expectRefused(await cognitoKey.sign(claims), /not found in the JWKS/);
    });

    it('a token whose issuer is neither', async () => {
      await expectRefused(
        await cognitoKey.sign(cognitoIdClaims({ iss: 'https://login.example.com/other' })),
        /issuer not configured/,
      );
    });

    it('a token without exp', async () => {
      await expectRefused(
        await cognitoKey.sign(cognitoIdClaims({ exp: undefined })),
        /TokenWithoutExpiryError/,
      );
    });

    it("a Cognito token for another of the pool's clients", async () => {
      await expectRefused(await cognitoKey.sign(cognitoIdClaims({ aud: 'other-client' })), /Client ID/);
    });

    it('an OIDC token for another audience', async () => {
      await expectRefused(await oidc.mintToken({ sub: 'u', audience: 'other-client' }), /audience/i);
    });
  });
});
