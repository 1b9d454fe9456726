import { request } from 'node:https';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLocalCertificate } from '../../../src/server/index.ts';
import { RealtimeTestClient } from '../../fixtures/server/clients.ts';
import { startTestStack, type TestStack, validApiKey } from '../../fixtures/server/setup.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ https: true, verbose: false });
});
afterAll(async () => {
  await stack.close();
});

function postTrusting(url: string, body: string, ca: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', ca, headers: { 'content-type': 'application/json', 'x-api-key': validApiKey } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

it('serves GraphQL over HTTPS with a certificate for 127.0.0.1', async () => {
  expect(stack.api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
  expect(stack.api.certificate).toContain('BEGIN CERTIFICATE');
  const response = await postTrusting(
    stack.api.url,
    JSON.stringify({ query: '{ ticket { id } }' }),
    stack.api.certificate!,
  );
  expect(response).toEqual({ status: 200, body: { data: { ticket: { id: 't-3' } } } });
});

it('refuses clients that do not trust the certificate', async () => {
  await expect(fetch(stack.api.url, { method: 'POST', body: '{}' })).rejects.toThrow();
});

it('serves the real-time protocol over WSS', async () => {
  expect(stack.api.realtimeUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/graphql\/realtime$/);
  const client = await RealtimeTestClient.connect(
    stack.api.realtimeUrl,
    { 'x-api-key': validApiKey, host: new URL(stack.api.url).host },
    'subprotocol',
    { ca: stack.api.certificate! },
  );
  expect((await client.init()).type).toBe('connection_ack');
  await client.close();
});

it('logs only start-up in quiet mode', () => {
  expect(stack.logs.map((entry) => entry.event)).toEqual(['api.started']);
  expect(stack.logs[0]).toMatchObject({ level: 'info', https: true, defaultMode: 'AWS_LAMBDA' });
});

it('serves with a certificate it is handed, so another server can share it', async () => {
  const shared = await createLocalCertificate();
  const sharing = await startTestStack({ https: { key: shared.key, cert: shared.cert }, verbose: false });
  try {
    expect(sharing.api.certificate).toBe(shared.cert);
    const response = await postTrusting(
      sharing.api.url,
      JSON.stringify({ query: '{ ticket { id } }' }),
      shared.cert,
    );
    expect(response.status).toBe(200);
    await expect(
      postTrusting(sharing.api.url, JSON.stringify({ query: '{ ticket { id } }' }), stack.api.certificate!),
    ).rejects.toThrow(/self.signed|certificate/i);
  } finally {
    await sharing.close();
  }
});
