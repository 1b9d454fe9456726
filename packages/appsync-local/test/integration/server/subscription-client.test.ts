/**
 * AppSync's own client library (aws-appsync-subscription-link 4 with Apollo Client 4) against
 * the local API: it picks the `<url>/realtime` endpoint, sends its `header-` subprotocol
 * handshake and its start messages, and receives what an IAM-signed mutation published.
 */
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { WebSocket } from 'ws';
import { iamCredential, iamRegion, postSignedGraphQL } from '../../fixtures/server/clients.ts';
import { serviceSchema, startTestStack, type TestStack } from '../../fixtures/server/setup.ts';
import { until } from '../../../src/testing/until.ts';

// Node 20 has no global WebSocket (Node 22 does); the library uses the global one.
const globals = globalThis as { WebSocket?: unknown };
if (globals.WebSocket === undefined) globals.WebSocket = WebSocket;

type AuthOptions = Parameters<typeof createSubscriptionHandshakeLink>[0] extends infer Config
  ? Config extends { auth: infer Auth }
    ? Auth
    : never
  : never;

function appSyncClient(url: string, auth: Record<string, unknown>) {
  const link = createSubscriptionHandshakeLink({
    url,
    region: iamRegion,
    auth: auth as unknown as AuthOptions,
  });
  return new ApolloClient({ link: ApolloLink.from([link]), cache: new InMemoryCache() });
}

interface Received {
  data?: unknown;
  error?: unknown;
}

function collect(
  client: ApolloClient,
  query: string,
  variables: Record<string, unknown> = {},
): { received: Received[]; unsubscribe: () => void } {
  const received: Received[] = [];
  const subscription = client.subscribe({ query: gql(query), variables }).subscribe({
    next: (result) => received.push(result.error ? { error: result.error } : { data: result.data }),
    error: (error: unknown) => received.push({ error }),
  });
  return { received, unsubscribe: () => subscription.unsubscribe() };
}

describe('aws-appsync-subscription-link against the service schema', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ schemaSdl: serviceSchema });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('receives a leaderboard that an IAM-signed mutation published, filtered by boardId', async () => {
    const token = await stack.issuer.mintToken({ sub: 'dashboard-user' });
    const client = appSyncClient(stack.api.url, { type: 'AWS_LAMBDA', token });
    const subscription = `subscription Watch($boardId: ID) {
      onLeaderboardChanged(boardId: $boardId) { boardId version asOf entries { rank userId score displayName } }
    }`;
    const global = collect(client, subscription, { boardId: 'global' });
    const weekly = collect(client, subscription, { boardId: 'week-2026-47' });
    await until(() => stack.api.subscriptionCount() === 2, 'both subscriptions to start', 10_000);

    const publish = await postSignedGraphQL(stack.api.url, {
      query: `mutation Publish($input: PublishLeaderboardInput!) {
        publishLeaderboard(input: $input) { boardId version asOf entries { rank userId score } }
      }`,
      variables: {
        input: {
          boardId: 'global',
          version: 7,
          asOf: '2026-11-21T10:00:00.000Z',
          entries: [{ rank: 1, userId: 'u-1', score: 42, displayName: 'Ada', previousRank: 2 }],
        },
      },
    });
    expect(publish.body.errors).toBeUndefined();

    await until(() => global.received.length > 0, 'the published leaderboard', 10_000);
    expect(global.received).toEqual([
      {
        data: {
          onLeaderboardChanged: {
            __typename: 'Leaderboard',
            boardId: 'global',
            version: 7,
            asOf: '2026-11-21T10:00:00.000Z',
            // displayName was not selected by the mutation: subscribers receive null.
            entries: [
              { __typename: 'LeaderboardEntry', rank: 1, userId: 'u-1', score: 42, displayName: null },
            ],
          },
        },
      },
    ]);
    expect(weekly.received).toEqual([]);
    global.unsubscribe();
    weekly.unsubscribe();
    await until(() => stack.api.subscriptionCount() === 0, 'the subscriptions to stop', 10_000);
  });

  it('is refused at the handshake with a token from nowhere', async () => {
    const client = appSyncClient(stack.api.url, { type: 'AWS_LAMBDA', token: 'not-a-jwt' });
    const watch = collect(client, 'subscription { onLeaderboardChanged { boardId } }');
    await until(() => watch.received.length > 0, 'the refusal', 10_000);
    // The library reports `{ errors: [GraphQLError] }`; Apollo wraps that as the error's cause.
    const cause = (watch.received[0]?.error as { cause?: { errors?: { message?: string }[] } }).cause;
    expect(cause?.errors?.[0]?.message).toBe('Connection failed: UnauthorizedException');
    watch.unsubscribe();
  });
});

describe('aws-appsync-subscription-link with AWS_IAM', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('connects and subscribes with the library’s own SigV4 signatures', async () => {
    // The library's ESM build imports @aws-crypto/sha256-js 1.x by a named export Node cannot
    // see in that CommonJS package; its CommonJS build (what Node's require loads) works.
    const require = createRequire(import.meta.url);
    const cjsApollo = require('@apollo/client') as typeof import('@apollo/client');
    const cjsLink =
      require('aws-appsync-subscription-link') as typeof import('aws-appsync-subscription-link');
    const link = cjsLink.createSubscriptionHandshakeLink({
      url: stack.api.url,
      region: iamRegion,
      auth: { type: 'AWS_IAM', credentials: iamCredential } as unknown as AuthOptions,
    });
    const client = new cjsApollo.ApolloClient({ link, cache: new cjsApollo.InMemoryCache() });
    const watch = collect(client, 'subscription { onTicketForIam { group severity } }');
    await until(() => stack.api.subscriptionCount() === 1, 'the IAM subscription to start', 10_000);
    await postSignedGraphQL(stack.api.url, {
      query: 'mutation { postTicket(input: { group: "iam", severity: 2 }) { group severity } }',
    });
    await until(() => watch.received.length > 0, 'the ticket', 10_000);
    expect(watch.received).toEqual([
      { data: { onTicketForIam: { __typename: 'Ticket', group: 'iam', severity: 2 } } },
    ]);
    watch.unsubscribe();
  });
});
