import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type LocalIssuer } from '../../../src/issuer/index.ts';
import { postGraphQL, RealtimeTestClient } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack } from '../../fixtures/server/setup.ts';

const refusal = {
  errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
};
const query = { query: '{ ticket { id } }' };

describe('AWS_LAMBDA with a token authorizer', () => {
  let stack: TestStack;
  let otherIssuer: LocalIssuer;

  beforeAll(async () => {
    stack = await startTestStack();
    otherIssuer = await startLocalIssuer({ audience: stack.issuer.audience });
  });
  afterAll(async () => {
    await stack.close();
    await otherIssuer.close();
  });

  it('accepts a token the issuer signed', async () => {
    const token = await stack.issuer.mintToken({ sub: 'user-7' });
    const response = await postGraphQL(stack.api.url, query, { authorization: token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { ticket: { id: 't-3' } } });
  });

  it('refuses a token from another issuer', async () => {
    const token = await otherIssuer.mintToken({ sub: 'user-7' });
    const response = await postGraphQL(stack.api.url, query, { authorization: token });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal);
  });

  it('refuses a forged token on the real-time handshake with connection_error', async () => {
    const token = await otherIssuer.mintToken({ sub: 'user-7' });
    const client = await RealtimeTestClient.connect(stack.api.realtimeUrl, {
      Authorization: token,
      host: 'local',
    });
    const reply = await client.init();
    expect(reply).toEqual({
      type: 'connection_error',
      payload: {
        errors: [
          {
            errorType: 'UnauthorizedException',
            message: 'You are not authorized to make this call.',
            errorCode: 401,
          },
        ],
      },
    });
    await client.close();
  });

  it('caches the decision per token for the ttlOverride the authorizer returned', async () => {
    const token = await stack.issuer.mintToken({ sub: 'user-8' });
    const before = stack.api.authorizerInvocations();
    await postGraphQL(stack.api.url, query, { authorization: token });
    await postGraphQL(stack.api.url, query, { authorization: token });
    expect(stack.api.authorizerInvocations() - before).toBe(1);
    const another = await stack.issuer.mintToken({ sub: 'user-9' });
    await postGraphQL(stack.api.url, query, { authorization: another });
    expect(stack.api.authorizerInvocations() - before).toBe(2);
  });
});

describe('AWS_LAMBDA authorizer results', () => {
  it('caches a result per token for the API TTL, and sends AppSync event fields', async () => {
    const events: unknown[] = [];
    const stack = await startTestStack({
      auth: {
        lambdaAuthorizer: async (event) => {
          events.push(event);
          return {
            isAuthorized: event.authorizationToken === 'let-me-in',
            resolverContext: { userId: 'u-9' },
          };
        },
      },
    });
    try {
      const first = await postGraphQL(
        stack.api.url,
        { query: 'query Q($t: String) { describeSelf(tag: $t) { identity } }', variables: { t: 'x' } },
        {
          authorization: 'let-me-in',
        },
      );
      expect(JSON.parse((first.body.data?.['describeSelf'] as { identity: string }).identity)).toEqual({
        resolverContext: { userId: 'u-9' },
      });
      await postGraphQL(stack.api.url, query, { authorization: 'let-me-in' });
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        authorizationToken: 'let-me-in',
        requestContext: {
          apiId: 'local',
          accountId: '111122223333',
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          queryString: 'query Q($t: String) { describeSelf(tag: $t) { identity } }',
          variables: { t: 'x' },
        },
        requestHeaders: expect.objectContaining({
          authorization: 'let-me-in',
          'content-type': 'application/json',
        }),
      });
      const denied = await postGraphQL(stack.api.url, query, { authorization: 'keep-out' });
      expect(denied.status).toBe(401);
      expect(denied.body).toEqual(refusal);
    } finally {
      await stack.close();
    }
  });

  it('calls the authorizer for every request when ttlOverride is 0', async () => {
    const stack = await startTestStack({ adjustAuthorization: (result) => ({ ...result, ttlOverride: 0 }) });
    try {
      const token = await stack.issuer.mintToken({ sub: 'user-8' });
      await postGraphQL(stack.api.url, query, { authorization: token });
      await postGraphQL(stack.api.url, query, { authorization: token });
      expect(stack.api.authorizerInvocations()).toBe(2);
    } finally {
      await stack.close();
    }
  });

  it('refuses the fields the authorizer denied, by name or by ARN', async () => {
    const stack = await startTestStack({
      adjustAuthorization: (result) => ({
        ...result,
        deniedFields: [
          'Ticket.title',
          'arn:aws:appsync:us-east-1:111122223333:apis/local/types/Query/fields/partial',
        ],
      }),
    });
    try {
      const token = await stack.issuer.mintToken({ sub: 'user-3' });
      const response = await postGraphQL(
        stack.api.url,
        { query: '{ ticket { id title } partial { id } }' },
        { authorization: token },
      );
      expect(response.body.data).toEqual({ ticket: { id: 't-3', title: null }, partial: null });
      expect(response.body.errors?.map((error) => [error['errorType'], error['message']]).sort()).toEqual([
        ['Unauthorized', 'Not Authorized to access partial on type Query'],
        ['Unauthorized', 'Not Authorized to access title on type Ticket'],
      ]);
    } finally {
      await stack.close();
    }
  });
});
