/**
 * `pnpm start --https`: the API serves HTTPS with a self-signed certificate, and the
 * rebuilder's SigV4-signed publish still reaches it (through the stack's loopback relay).
 */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { until } from './stack-test-kit.ts';

let stack: LocalStack;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({
    https: true,
    rebuildIntervalMs: 1_000,
    log: (line) => logLines.push(line),
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

function postHttps(body: unknown, headers: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const call = request(
      stack.graphqlUrl,
      { method: 'POST', ca: stack.certificate, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

describe('the local stack over HTTPS', () => {
  it('records an activity over HTTPS and publishes the rebuilt board', async () => {
    expect(stack.graphqlUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(stack.realtimeUrl).toMatch(/^wss:\/\//);
    const token = await stack.mintToken({ sub: 'ines' });
    const recorded = await postHttps(
      { query: 'mutation { recordActivity(input: { type: "cycling", quantity: 12 }) { points } }' },
      { authorization: token },
    );
    expect(recorded).toEqual({ data: { recordActivity: { points: 12 } } });
    const board = async () =>
      (await postHttps(
        { query: '{ leaderboard { version entries { userId score } } }' },
        { 'x-api-key': stack.apiKey },
      )) as {
        data?: { leaderboard: { version: number; entries: Array<{ userId: string; score: number }> } };
      };
    await until(
      async () => ((await board()).data?.leaderboard.version ?? 0) > 0,
      'a published snapshot',
      20_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${logLines.join('\n')}`);
    });
    expect((await board()).data?.leaderboard.entries).toEqual([{ userId: 'ines', score: 12 }]);
    expect(logLines.filter((line) => /ERROR|failed/i.test(line))).toEqual([]);
  });
});
