/** The usage hook: one entry per operation served over HTTP, and the real-time messages each mutation delivered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiUsage } from '../../../src/server/index.ts';
import { postGraphQL, postSignedGraphQL, RealtimeTestClient } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

let stack: TestStack;
const usage: ApiUsage[] = [];
const clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  stack = await startTestStack({ onUsage: (entry) => usage.push(entry), verbose: false });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack.close();
});

const apiKeyAuth = () => ({ 'x-api-key': validApiKey, host: new URL(stack.api.url).host });

async function subscriber(group: string): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(stack.api.realtimeUrl, apiKeyAuth());
  clients.push(client);
  await client.init();
  const query = 'subscription S($group: String) { onTicket(group: $group) { id group } }';
  await client.start('s', { query, variables: { group } }, apiKeyAuth());
  return client;
}

describe('API usage hook', () => {
  it('reports each operation and the messages each mutation delivered to subscribers', async () => {
    const [first, second] = [await subscriber('ops'), await subscriber('ops')];
    await subscriber('dev');
    usage.length = 0;

    const echo = await postGraphQL(
      stack.api.url,
      { query: 'query Echo { echo(input: { email: "a@example.com" }) { email } }' },
      apiKeyAuth(),
    );
    expect(echo.status).toBe(200);
    const posted = await postSignedGraphQL(stack.api.url, {
      query: 'mutation Post { postTicket(input: { group: "ops", severity: 1 }) { id group } }',
    });
    expect(posted.body.errors).toBeUndefined();
    await first.waitFor((message) => message.type === 'data');
    await second.waitFor((message) => message.type === 'data');

    expect(usage).toEqual([
      { kind: 'operation', operation: 'query', operationName: 'Echo', mode: 'API_KEY' },
      { kind: 'operation', operation: 'mutation', operationName: 'Post', mode: 'AWS_IAM' },
      { kind: 'realtimeMessages', mutationField: 'postTicket', delivered: 2 },
    ]);
  });
});
