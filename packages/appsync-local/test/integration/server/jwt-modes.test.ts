/** OPENID_CONNECT and AMAZON_COGNITO_USER_POOLS modes, verified against the local issuer's JWKS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type LocalIssuer } from '../../../src/issuer/index.ts';
import { type LocalApi, startLocalApi } from '../../../src/server/index.ts';
import { postGraphQL } from '../../fixtures/server/clients.ts';
import { fixtureEngine } from '../../fixtures/server/engine.ts';

const schemaSdl = `
  type Query {
    describeSelf(tag: String): SelfDescription
    adminsOnly: String @aws_cognito_user_pools(cognito_groups: ["admins"])
    oidcOnly: String @aws_oidc
  }
  type SelfDescription { identity: AWSJSON }
`;
const refusal = {
  errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
};

let issuer: LocalIssuer;
let otherIssuer: LocalIssuer;
beforeAll(async () => {
  issuer = await startLocalIssuer({ audience: 'web-client' });
  otherIssuer = await startLocalIssuer({ audience: 'web-client' });
});
afterAll(async () => {
  await issuer.close();
  await otherIssuer.close();
});

describe('OPENID_CONNECT', () => {
  let api: LocalApi;
  beforeAll(async () => {
    api = await startLocalApi({
      schemaSdl,
      engine: await fixtureEngine(),
      auth: {
        defaultMode: 'OPENID_CONNECT',
        openIdConnect: { issuer: issuer.issuer, clientId: 'web-client' },
      },
      log: () => {},
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('admits a valid token and builds the OIDC identity from its claims', async () => {
    const token = await issuer.mintToken({ sub: 'oidc-user', name: 'Oda' });
    const response = await postGraphQL(
      api.url,
      { query: '{ describeSelf { identity } oidcOnly }' },
      { authorization: token },
    );
    expect(response.body.errors).toBeUndefined();
    const identity = JSON.parse(
      (response.body.data?.['describeSelf'] as { identity: string }).identity,
    ) as Record<string, unknown>;
    expect(identity).toMatchObject({
      sub: 'oidc-user',
      issuer: issuer.issuer,
      claims: { sub: 'oidc-user', name: 'Oda', aud: 'web-client' },
      sourceIp: ['127.0.0.1'],
    });
  });

  it('refuses tokens of another audience, another issuer, or expired', async () => {
    const tokens = [
      await issuer.mintToken({ sub: 'oidc-user', audience: 'mobile-client' }),
      await otherIssuer.mintToken({ sub: 'oidc-user' }),
      await issuer.mintToken({ sub: 'oidc-user', expiresInSeconds: -30 }),
    ];
    for (const token of tokens) {
      const response = await postGraphQL(api.url, { query: '{ oidcOnly }' }, { authorization: token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(refusal);
    }
  });
});

describe('AMAZON_COGNITO_USER_POOLS', () => {
  let api: LocalApi;
  beforeAll(async () => {
    api = await startLocalApi({
      schemaSdl,
      engine: await fixtureEngine(),
      auth: { defaultMode: 'AMAZON_COGNITO_USER_POOLS', cognitoUserPools: { issuer: issuer.issuer } },
      log: () => {},
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('checks cognito_groups on the directive', async () => {
    const admin = await issuer.mintToken({ sub: 'u-admin', groups: ['admins'] });
    const member = await issuer.mintToken({ sub: 'u-member', groups: ['runners'] });
    const allowed = await postGraphQL(api.url, { query: '{ adminsOnly }' }, { authorization: admin });
    expect(allowed.body).toEqual({ data: { adminsOnly: null } });
    const refused = await postGraphQL(api.url, { query: '{ adminsOnly }' }, { authorization: member });
    expect(refused.body.errors?.[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access adminsOnly on type Query',
    });
  });
});
