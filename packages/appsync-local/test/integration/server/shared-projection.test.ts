/**
 * A published payload is serialized once for all the subscribers that sent the same document;
 * a subscriber with another selection, under the same field name or an alias, gets its own shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedGraphQL, RealtimeTestClient } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

let stack: TestStack;
const clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  stack = await startTestStack({ verbose: false });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack.close();
});

const auth = () => ({ 'x-api-key': validApiKey, host: new URL(stack.api.url).host });

async function subscriber(query: string): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(stack.api.realtimeUrl, auth());
  clients.push(client);
  await client.init();
  expect((await client.start('s', { query }, auth())).type).toBe('start_ack');
  return client;
}

describe('shared projections', () => {
  it('gives subscribers of one document the same data and others their own shape', async () => {
    const same = 'subscription Same { onTicket { id group } }';
    const first = await subscriber(same);
    const second = await subscriber(same);
    const other = await subscriber('subscription Other { onTicket { severity } }');
    const aliased = await subscriber('subscription Aliased { ticket: onTicket { severity kind: group } }');
    const posted = await postSignedGraphQL(stack.api.url, {
      query: 'mutation { postTicket(input: { group: "ops", severity: 2 }) { id group severity } }',
    });
    expect(posted.body.errors).toBeUndefined();
    const id = (posted.body.data?.['postTicket'] as { id: string }).id;
    const dataOf = async (client: RealtimeTestClient) =>
      (await client.waitFor((message) => message.type === 'data')).payload?.data;

    expect(await dataOf(first)).toEqual({ onTicket: { id, group: 'ops' } });
    expect(await dataOf(second)).toEqual({ onTicket: { id, group: 'ops' } });
    expect(await dataOf(other)).toEqual({ onTicket: { severity: 2 } });
    expect(await dataOf(aliased)).toEqual({ ticket: { severity: 2, kind: 'ops' } });
  });
});
