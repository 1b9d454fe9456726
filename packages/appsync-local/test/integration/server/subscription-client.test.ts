/**
 * AppSync's own client library (aws-appsync-subscription-link 4 with Apollo Client 4) against
 * the local API: it picks the `<url>/realtime` endpoint, sends its `header-` subprotocol
 * handshake and its start messages, and receives what an IAM-signed mutation published.
 */
import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { WebSocket } from 'ws';
import { iamCredential, iamRegion, postSignedGraphQL } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack } from '../../fixtures/server/setup.ts';

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

/** Polls `condition` (vitest's `vi.waitFor`) until it holds, failing after `timeout` ms. */
const until = (condition: () => boolean, timeout = 10_000) =>
  vi.waitFor(() => expect(condition()).toBe(true), { timeout, interval: 25 });

describe('aws-appsync-subscription-link with AWS_LAMBDA', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('receives a ticket that an IAM-signed mutation posted, filtered by group', async () => {
    const token = await stack.issuer.mintToken({ sub: 'watcher' });
    const client = appSyncClient(stack.api.url, { type: 'AWS_LAMBDA', token });
    const subscription = `subscription Watch($group: String) {
      onTicket(group: $group) { id group severity title tags }
    }`;
    const ops = collect(client, subscription, { group: 'ops' });
    const sales = collect(client, subscription, { group: 'sales' });
    await until(() => stack.api.subscriptionCount() === 2);

    const post = await postSignedGraphQL(stack.api.url, {
      query: `mutation Post($input: TicketInput!) { postTicket(input: $input) { id group severity tags } }`,
      variables: { input: { group: 'ops', severity: 2, title: 'disk full', tags: ['page'] } },
    });
    expect(post.body.errors).toBeUndefined();

    await until(() => ops.received.length > 0);
    expect(ops.received).toEqual([
      {
        data: {
          onTicket: {
            __typename: 'Ticket',
            id: expect.any(String),
            group: 'ops',
            severity: 2,
            // title was not selected by the mutation: subscribers receive null.
            title: null,
            tags: ['page'],
          },
        },
      },
    ]);
    expect(sales.received).toEqual([]);
    ops.unsubscribe();
    sales.unsubscribe();
    await until(() => stack.api.subscriptionCount() === 0);
  });

  it('is refused at the handshake with a token from nowhere', async () => {
    const client = appSyncClient(stack.api.url, { type: 'AWS_LAMBDA', token: 'not-a-jwt' });
    const watch = collect(client, 'subscription { onTicket { id } }');
    await until(() => watch.received.length > 0);
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
    await until(() => stack.api.subscriptionCount() === 1);
    await postSignedGraphQL(stack.api.url, {
      query: 'mutation { postTicket(input: { group: "iam", severity: 2 }) { group severity } }',
    });
    await until(() => watch.received.length > 0);
    expect(watch.received).toEqual([
      { data: { onTicketForIam: { __typename: 'Ticket', group: 'iam', severity: 2 } } },
    ]);
    watch.unsubscribe();
  });
});
