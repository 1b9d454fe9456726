/**
 * The service's Lambda authorizer (packages/functions: aws-jwt-verify against the issuer's JWKS)
 * answering the emulator's AWS_LAMBDA mode: what it refuses, AppSync refuses with its 401.
 */
import { startLocalIssuer, type LocalIssuer } from 'appsync-local/issuer';
import { postGraphQL } from 'appsync-local/testing';
import type { LocalApi } from 'appsync-local';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureApi } from '../../fixtures/api/api.ts';
import { serviceAuthorizer } from '../../fixtures/api/service-authorizer.ts';

const refusal = {
  errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
};
const query = { query: '{ describeSelf { identity } }' };

describe('AWS_LAMBDA with the service authorizer', () => {
  let issuer: LocalIssuer;
  let api: LocalApi;
  beforeAll(async () => {
    issuer = await startLocalIssuer();
    api = await startFixtureApi(
      serviceAuthorizer({ issuer: issuer.issuer, audience: issuer.audience, jwksUri: issuer.jwksUri }),
    );
  });
  afterAll(async () => {
    await api.close();
    await issuer.close();
  });

  it('refuses a token signed by another key (forged signature)', async () => {
    const genuine = await issuer.mintToken({ sub: 'user-7' });
    const [header] = genuine.split('.');
    const { privateKey } = await generateKeyPair('RS256');
    const kid = (JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string }).kid;
    const forged = await new SignJWT({ token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setSubject('user-7')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await postGraphQL(api.url, query, { authorization: forged });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal);
  });
  it('refuses an unsigned token (alg: none)', async () => {
    const genuine = await issuer.mintToken({ sub: 'user-7' });
    const [, payload] = genuine.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const response = await postGraphQL(api.url, query, { authorization: `${header}.${payload}.` });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal);
  });
  it('refuses an expired token', async () => {
    const expired = await issuer.mintToken({ sub: 'user-7', expiresInSeconds: -120 });
    const response = await postGraphQL(api.url, query, { authorization: expired });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal);
  });
  it('refuses a token for another audience', async () => {
    const token = await issuer.mintToken({ sub: 'user-7', audience: 'some-other-app' });
    const response = await postGraphQL(api.url, query, { authorization: token });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal);
  });
});
