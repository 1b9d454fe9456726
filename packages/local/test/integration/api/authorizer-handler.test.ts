/**
 * The authorizer Lambda's entry point itself, configured by environment as in the cloud
 * (`JWT_ISSUER`, `JWT_AUDIENCE`, `JWT_JWKS_URI`), answering the local API's AWS_LAMBDA mode.
 */
import { handler } from '@leaderboard/functions/authorizer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LambdaAuthorizer, LocalApi } from 'appsync-local';
import { startLocalIssuer, type LocalIssuer } from 'appsync-local/issuer';
import { postGraphQL } from 'appsync-local/testing';
import { startFixtureApi } from '../../fixtures/api/api.ts';

let issuer: LocalIssuer;
let api: LocalApi;
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  issuer = await startLocalIssuer();
  process.env['JWT_ISSUER'] = issuer.issuer;
  process.env['JWT_AUDIENCE'] = issuer.audience;
  process.env['JWT_JWKS_URI'] = issuer.jwksUri;
  api = await startFixtureApi(handler as unknown as LambdaAuthorizer);
});
afterAll(async () => {
  await api.close();
  await issuer.close();
  process.env = savedEnvironment;
});

it('admits a token of the configured issuer and passes its claims to resolvers', async () => {
  const token = await issuer.mintToken({ sub: 'user-h', name: 'Handler User', groups: ['admins'] });
  const response = await postGraphQL(
    api.url,
    { query: '{ describeSelf { identity } }' },
    { authorization: `Bearer ${token}` },
  );
  expect(response.status).toBe(200);
  expect(JSON.parse((response.body.data?.['describeSelf'] as { identity: string }).identity)).toEqual({
    resolverContext: { userId: 'user-h', displayName: 'Handler User', groups: 'admins' },
  });
});

it('refuses an expired token with AppSync’s refusal', async () => {
  const token = await issuer.mintToken({ sub: 'user-h', expiresInSeconds: -30 });
  const response = await postGraphQL(
    api.url,
    { query: '{ describeSelf { identity } }' },
    { authorization: token },
  );
  expect(response.status).toBe(401);
  expect(response.body).toEqual({
    errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
  });
});
