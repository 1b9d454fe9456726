import { connect as connectTcp } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  postGraphQL,
  postSignedGraphQL,
  RealtimeTestClient,
  signedHeaders,
} from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

let stack: TestStack;
let clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  stack = await startTestStack({ keepAliveIntervalMs: 100 });
});
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
});
afterAll(async () => {
  await stack.close();
});

const apiKeyAuth = () => ({ 'x-api-key': validApiKey, host: new URL(stack.api.url).host });

async function connect(
  form: 'subprotocol' | 'query' = 'subprotocol',
  auth: Record<string, string> = apiKeyAuth(),
) {
  const client = await RealtimeTestClient.connect(stack.api.realtimeUrl, auth, form);
  clients.push(client);
  return client;
}

async function postTicket(input: Record<string, unknown>, selection = 'id group severity') {
  const response = await postSignedGraphQL(stack.api.url, {
    query: `mutation Post($input: TicketInput!) { postTicket(input: $input) { ${selection} } }`,
    variables: { input },
  });
  expect(response.body.errors).toBeUndefined();
  return response;
}

describe('real-time endpoint', () => {
  it('accepts auth in a header- subprotocol: ack with connectionTimeoutMs, then ka', async () => {
    const client = await connect('subprotocol');
    expect(client.socket.protocol).toBe('graphql-ws');
    expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    await client.waitFor((message) => message.type === 'ka');
  });

  it('accepts auth in the header query parameter', async () => {
    const token = await stack.issuer.mintToken({ sub: 'user-q' });
    const client = await connect('query', { Authorization: token, host: new URL(stack.api.url).host });
    expect((await client.init()).type).toBe('connection_ack');
    const ack = await client.start(
      's1',
      { query: 'subscription { onTicket { id } }' },
      { Authorization: token, host: 'x' },
    );
    expect(ack).toEqual({ type: 'start_ack', id: 's1' });
  });

  it('refuses a connection with an unknown API key with connection_error', async () => {
    const client = await connect('subprotocol', { 'x-api-key': 'da2-wrong', host: 'x' });
    expect(await client.init()).toEqual({
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
  });

  it('tells a refused client that never sends connection_init, and closes its socket', async () => {
    const client = await connect('query', { 'x-api-key': 'da2-wrong', host: 'x' });
    const refusal = await client.waitFor((message) => message.type === 'connection_error');
    expect(refusal.payload?.errors?.[0]?.['errorCode']).toBe(401);
    await client.waitClosed();
  });

  it('refuses a handshake without the graphql-ws subprotocol', async () => {
    await expect(
      RealtimeTestClient.connect(stack.api.realtimeUrl.replace('/realtime', '/elsewhere'), apiKeyAuth()),
    ).rejects.toThrow();
  });

  it('delivers only the fields the mutation selected, to subscribers whose arguments match', async () => {
    const client = await connect();
    await client.init();
    const subscription =
      'subscription S($group: String, $severity: Int) { onTicket(group: $group, severity: $severity) { id group severity title } }';
    expect((await client.start('all', { query: subscription }, apiKeyAuth())).type).toBe('start_ack');
    expect(
      (await client.start('nullArgs', { query: subscription, variables: { group: null } }, apiKeyAuth()))
        .type,
    ).toBe('start_ack');
    expect(
      (await client.start('ops', { query: subscription, variables: { group: 'ops' } }, apiKeyAuth())).type,
    ).toBe('start_ack');
    expect(
      (
        await client.start(
          'ops3',
          { query: subscription, variables: { group: 'ops', severity: 3 } },
          apiKeyAuth(),
        )
      ).type,
    ).toBe('start_ack');

    await postTicket({ group: 'dev', severity: 3, title: 'not selected' });
    await postTicket({ group: 'ops', severity: 1, title: 'not selected' });
    const last = await postTicket({ group: 'ops', severity: 3, title: 'not selected' });
    const lastId = (last.body.data?.['postTicket'] as { id: string }).id;
    await client.waitFor((message) => message.id === 'ops3' && message.type === 'data');
    await client.waitFor(
      (message) =>
        message.id === 'all' && message.type === 'data' && JSON.stringify(message).includes(lastId),
    );

    const groupsOf = (id: string) =>
      client
        .dataFor(id)
        .map((message) => message.payload?.data?.['onTicket'] as { group: string; severity: number });
    expect(groupsOf('all').map((ticket) => `${ticket.group}/${ticket.severity}`)).toEqual([
      'dev/3',
      'ops/1',
      'ops/3',
    ]);
    expect(groupsOf('nullArgs')).toHaveLength(3);
    expect(groupsOf('ops').map((ticket) => `${ticket.group}/${ticket.severity}`)).toEqual(['ops/1', 'ops/3']);
    expect(groupsOf('ops3').map((ticket) => `${ticket.group}/${ticket.severity}`)).toEqual(['ops/3']);
    expect(client.dataFor('ops3')[0]).toEqual({
      type: 'data',
      id: 'ops3',
      payload: { data: { onTicket: { id: lastId, group: 'ops', severity: 3, title: null } } },
    });
  });

  it('keys published fields by field name whatever aliases the mutation and subscriber use', async () => {
    const client = await connect();
    await client.init();
    await client.start(
      'aliased',
      {
        query: 'subscription { ticket: onTicket(group: "alias") { kind: __typename level: severity group } }',
      },
      apiKeyAuth(),
    );
    await postSignedGraphQL(stack.api.url, {
      query:
        'mutation { made: postTicket(input: { group: "alias", severity: 4 }) { g: group sev: severity } }',
    });
    const message = await client.waitFor(
      (candidate) => candidate.id === 'aliased' && candidate.type === 'data',
    );
    expect(message.payload?.data).toEqual({ ticket: { kind: 'Ticket', level: 4, group: 'alias' } });
  });

  it('applies the enhanced filter the subscription resolver set (OR of AND groups)', async () => {
    const client = await connect();
    await client.init();
    const query =
      'subscription S($min: Int!, $prefix: String) { onSevereTicket(minSeverity: $min, titlePrefix: $prefix) { severity title tags } }';
    expect((await client.start('severe', { query, variables: { min: 3 } }, apiKeyAuth())).type).toBe(
      'start_ack',
    );
    expect(
      (await client.start('severeDb', { query, variables: { min: 3, prefix: 'DB' } }, apiKeyAuth())).type,
    ).toBe('start_ack');
    expect(
      (
        await client.start(
          'control',
          { query: 'subscription { onTicket(group: "end") { group } }' },
          apiKeyAuth(),
        )
      ).type,
    ).toBe('start_ack');
    const selection = 'group severity title tags';
    await postTicket({ group: 'f', severity: 2, title: 'DB slow', tags: ['db'] }, selection);
    await postTicket({ group: 'f', severity: 4, title: 'API down', tags: [] }, selection);
    await postTicket({ group: 'f', severity: 5, title: 'DB down', tags: [] }, selection);
    await postTicket({ group: 'f', severity: 1, title: 'pager test', tags: ['page'] }, selection);
    await postTicket({ group: 'end', severity: 0 }, selection);
    await client.waitFor((message) => message.id === 'control' && message.type === 'data');

    const titles = (id: string) =>
      client
        .dataFor(id)
        .map((message) => (message.payload?.data?.['onSevereTicket'] as { title: string }).title);
    expect(titles('severe')).toEqual(['API down', 'DB down', 'pager test']);
    expect(titles('severeDb')).toEqual(['DB down', 'pager test']);
  });

  it('authorizes each subscription by its own auth mode, including SigV4 on start', async () => {
    const client = await connect();
    await client.init();
    const refused = await client.start(
      'iamOnly',
      { query: 'subscription { onTicketForIam { id } }' },
      apiKeyAuth(),
    );
    expect(refused).toEqual({
      type: 'error',
      id: 'iamOnly',
      payload: {
        errors: [
          {
            path: ['onTicketForIam'],
            data: null,
            errorType: 'Unauthorized',
            errorInfo: null,
            locations: [{ line: 1, column: 16, sourceName: null }],
            message: 'Not Authorized to access onTicketForIam on type Subscription',
          },
        ],
      },
    });

    const data = JSON.stringify({ query: 'subscription { onTicketForIam { id group } }', variables: {} });
    const signed = await signedHeaders(stack.api.url, data);
    client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization: signed } } });
    await client.waitFor((message) => message.id === 'iam' && message.type === 'start_ack');

    const badlySigned = {
      ...signed,
      Authorization: signed['authorization']!.replace(/.$/, (last) => (last === '0' ? '1' : '0')),
    };
    delete (badlySigned as Record<string, string>)['authorization'];
    client.send({
      id: 'iamBad',
      type: 'start',
      payload: { data, extensions: { authorization: badlySigned } },
    });
    const error = await client.waitFor((message) => message.id === 'iamBad');
    expect(error.type).toBe('error');
    expect(error.payload?.errors?.[0]?.['errorType']).toBe('BadRequestException');

    await postTicket({ group: 'iam', severity: 1 });
    const delivered = await client.waitFor((message) => message.id === 'iam' && message.type === 'data');
    expect(delivered.payload?.data).toEqual({ onTicketForIam: { id: expect.any(String), group: 'iam' } });
  });

  it('ends the subscriptions a mutation invalidates, by their invalidation filter', async () => {
    const client = await connect();
    await client.init();
    const query = 'subscription S($group: String!) { onGroupTicket(group: $group) { group } }';
    await client.start('red', { query, variables: { group: 'red' } }, apiKeyAuth());
    await client.start('blue', { query, variables: { group: 'blue' } }, apiKeyAuth());
    const closed = await postSignedGraphQL(stack.api.url, { query: 'mutation { closeGroup(group: "red") }' });
    expect(closed.body).toEqual({ data: { closeGroup: 'red' } });
    expect(await client.waitFor((message) => message.type === 'complete')).toEqual({
      type: 'complete',
      id: 'red',
    });
    await postTicket({ group: 'red', severity: 1 });
    await postTicket({ group: 'blue', severity: 1 });
    await client.waitFor((message) => message.id === 'blue' && message.type === 'data');
    expect(client.dataFor('red')).toEqual([]);
    expect(client.messages.filter((message) => message.type === 'complete')).toHaveLength(1);
  });

  it('stops a subscription with complete and sends it nothing more', async () => {
    const client = await connect();
    await client.init();
    await client.start('a', { query: 'subscription { onTicket(group: "stop") { group } }' }, apiKeyAuth());
    await client.start('b', { query: 'subscription { onTicket(group: "stop") { severity } }' }, apiKeyAuth());
    client.send({ type: 'stop', id: 'a' });
    expect(await client.waitFor((message) => message.type === 'complete')).toEqual({
      type: 'complete',
      id: 'a',
    });
    await postTicket({ group: 'stop', severity: 9 });
    await client.waitFor((message) => message.id === 'b' && message.type === 'data');
    expect(client.dataFor('a')).toEqual([]);
  });

  it('answers bad start messages with error messages', async () => {
    const client = await connect();
    await client.init();
    const invalid = await client.start('bad', { query: 'subscription { onTicket { nope } }' }, apiKeyAuth());
    expect(invalid.type).toBe('error');
    expect(invalid.payload?.errors?.[0]?.['message']).toContain("Field 'nope' in type 'Ticket' is undefined");

    const notSubscription = await client.start('query', { query: '{ ticket { id } }' }, apiKeyAuth());
    expect(notSubscription.payload?.errors?.[0]?.['errorType']).toBe('UnsupportedOperation');

    const noAuth = await client.start('noAuth', { query: 'subscription { onTicket { id } }' }, {});
    expect(noAuth.payload?.errors?.[0]).toEqual({
      errorType: 'UnauthorizedException',
      message: 'Valid authorization header not provided.',
    });

    client.send({ type: 'unknown_type', id: 'x' });
    const unsupported = await client.waitFor((message) => message.id === 'x');
    expect(unsupported.payload?.errors?.[0]?.['errorType']).toBe('UnsupportedOperation');
  });

  it('allows 100 subscriptions per connection', async () => {
    const client = await connect();
    await client.init();
    const data = JSON.stringify({ query: 'subscription { onTicket(group: "limit") { id } }' });
    for (let index = 0; index < 100; index += 1) {
      client.send({
        id: `s${index}`,
        type: 'start',
        payload: { data, extensions: { authorization: apiKeyAuth() } },
      });
    }
    await client.waitFor((message) => message.id === 's99' && message.type === 'start_ack');
    const over = await client.start('s100', { query: 'subscription { onTicket { id } }' }, apiKeyAuth());
    expect(over.payload?.errors?.[0]).toEqual({
      errorType: 'MaxSubscriptionsReachedError',
      message: 'Max number of 100 subscriptions reached',
    });
    expect(client.messages.filter((message) => message.type === 'start_ack')).toHaveLength(100);
  });

  it('does not deliver events over the 240 KB subscription payload limit', async () => {
    const client = await connect();
    await client.init();
    await client.start('big', { query: 'subscription { onTicket(group: "big") { title } }' }, apiKeyAuth());
    await postTicket({ group: 'big', severity: 1, title: 'x'.repeat(250 * 1024) }, 'group title');
    const error = await client.waitFor((message) => message.id === 'big' && message.type !== 'start_ack');
    expect(error.type).toBe('error');
    expect(error.payload?.errors?.[0]?.['errorType']).toBe('LimitExceededError');
  });

  it('does not publish a failed mutation', async () => {
    const client = await connect();
    await client.init();
    await client.start('any', { query: 'subscription { onTicket { group } }' }, apiKeyAuth());
    const refused = await postGraphQL(stack.api.url, {
      query: 'mutation { postTicket(input: { group: "nope", severity: 1 }) { group } }',
    });
    expect(refused.status).toBe(401);
    await postTicket({ group: 'after', severity: 1 });
    const message = await client.waitFor((candidate) => candidate.id === 'any' && candidate.type === 'data');
    expect(message.payload?.data).toEqual({ onTicket: { group: 'after' } });
    expect(client.dataFor('any')).toHaveLength(1);
  });

  it('answers a start whose resolver run fails inside the server with an InternalFailure error, and keeps serving', async () => {
    // The engine stands in for a subscription resolver whose data source cannot be reached.
    const failing = await startTestStack({
      wrapEngine: (engine) => ({
        has: (typeName, fieldName) => engine.has(typeName, fieldName),
        resolve: (invocation) =>
          invocation.fieldName === 'onSevereTicket'
            ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1'))
            : engine.resolve(invocation),
      }),
    });
    try {
      const client = await RealtimeTestClient.connect(failing.api.realtimeUrl, {
        'x-api-key': validApiKey,
        host: new URL(failing.api.url).host,
      });
      try {
        await client.init();
        const auth = { 'x-api-key': validApiKey, host: 'x' };
        expect(
          await client.start(
            'broken',
            { query: 'subscription { onSevereTicket(minSeverity: 1) { id } }' },
            auth,
          ),
        ).toEqual({
          type: 'error',
          id: 'broken',
          payload: { errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }] },
        });
        expect(
          failing.logs.some(
            (entry) => entry.level === 'error' && entry['error'] === 'connect ECONNREFUSED 127.0.0.1:1',
          ),
        ).toBe(true);
        expect(await client.start('working', { query: 'subscription { onTicket { id } }' }, auth)).toEqual({
          type: 'start_ack',
          id: 'working',
        });
        expect(failing.api.subscriptionCount()).toBe(1);
      } finally {
        await client.close();
      }
    } finally {
      await failing.close();
    }
  });

  it('keeps a start that is still being authorized or resolved from outliving its stop, or sharing its id', async () => {
    // A subscription resolver that takes a moment, as one reaching a data source does.
    const slow = await startTestStack({
      wrapEngine: (engine) => ({
        has: (typeName, fieldName) => engine.has(typeName, fieldName),
        resolve: async (invocation) => {
          if (invocation.fieldName === 'onSevereTicket')
            await new Promise((resolve) => setTimeout(resolve, 300));
          return engine.resolve(invocation);
        },
      }),
    });
    try {
      const client = await RealtimeTestClient.connect(slow.api.realtimeUrl, {
        'x-api-key': validApiKey,
        host: new URL(slow.api.url).host,
      });
      try {
        await client.init();
        const start = (id: string) =>
          client.send({
            id,
            type: 'start',
            payload: {
              data: JSON.stringify({ query: 'subscription { onSevereTicket(minSeverity: 1) { id } }' }),
              extensions: { authorization: { 'x-api-key': validApiKey, host: 'x' } },
            },
          });
        start('twice');
        start('twice');
        start('stopped');
        client.send({ id: 'stopped', type: 'stop' });
        await client.waitFor((message) => message.id === 'stopped' && message.type === 'complete');
        await client.waitFor((message) => message.id === 'twice' && message.type === 'start_ack');
        const duplicate = await client.waitFor(
          (message) => message.id === 'twice' && message.type === 'error',
        );
        expect(duplicate.payload?.errors?.[0]?.['errorType']).toBe('DuplicatedOperationError');
        // Long enough for the stopped start's resolver run to end.
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(
          client.messages.filter((message) => message.id === 'stopped').map((message) => message.type),
        ).toEqual(['complete']);
        expect(client.messages.filter((message) => message.type === 'start_ack')).toHaveLength(1);
        expect(slow.api.subscriptionCount()).toBe(1);
      } finally {
        await client.close();
      }
    } finally {
      await slow.close();
    }
  });

  it('survives a client that resets its connection while the handshake is being authorized', async () => {
    // An authorizer that takes a moment, so the reset lands while the upgrade waits for it.
    const slow = await startTestStack({
      auth: {
        lambdaAuthorizer: async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return { isAuthorized: true, resolverContext: {} };
        },
      },
    });
    try {
      const { port } = new URL(slow.api.url);
      const header = Buffer.from(JSON.stringify({ Authorization: 'token', host: 'x' })).toString('base64url');
      const socket = connectTcp(Number(port), '127.0.0.1');
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      socket.on('error', () => undefined);
      socket.write(
        [
          'GET /graphql/realtime HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          `Sec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}`,
          `Sec-WebSocket-Protocol: graphql-ws, header-${header}`,
          '',
          '',
        ].join('\r\n'),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.resetAndDestroy();
      // Past the authorizer's answer: the server has handled (or dropped) the reset socket.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const client = await RealtimeTestClient.connect(slow.api.realtimeUrl, {
        'x-api-key': validApiKey,
        host: new URL(slow.api.url).host,
      });
      try {
        expect((await client.init()).type).toBe('connection_ack');
      } finally {
        await client.close();
      }
    } finally {
      await slow.close();
    }
  });
});
