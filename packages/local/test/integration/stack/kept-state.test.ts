/**
 * `--persist` keeps what clients hold on to across a restart: the API key, the issuer's key and
 * port (tokens issued before still pass), and the HTTPS certificate (trusted once).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';

const stateDir = mkdtempSync(join(tmpdir(), 'leaderboard-kept-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

function start(persist: boolean): Promise<LocalStack> {
  return startLocalStack({
    dynamoEndpoint: testDynamo().endpoint,
    streamStartingPosition: 'LATEST',
    persist,
    https: true,
    stateDir,
    log: () => undefined,
  });
}

/** `myStanding` as `token`'s user, over HTTPS trusting only `certificate`. */
function standingOf(stack: LocalStack, token: string, certificate: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call = request(
      stack.graphqlUrl,
      {
        method: 'POST',
        ca: certificate,
        headers: { 'content-type': 'application/json', authorization: token },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(JSON.parse(text)));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify({ query: '{ myStanding { userId } }' }));
  });
}

describe('a restart with persist', () => {
  it('keeps the API key, the issuer and the certificate, so earlier tokens and trust still hold', async () => {
    const first = await start(true);
    const token = await first.mintToken({ sub: 'kept-user' });
    const before = { apiKey: first.apiKey, issuerUrl: first.issuerUrl, certificate: first.certificate };
    await first.stop();
    expect(statSync(join(stateDir, 'kept-keys.json')).mode & 0o777).toBe(0o600);

    const second = await start(true);
    try {
      expect({
        apiKey: second.apiKey,
        issuerUrl: second.issuerUrl,
        certificate: second.certificate,
      }).toEqual(before);
      expect(second.certificateFile).toBe(join(stateDir, 'certificate.pem'));
      expect(await standingOf(second, token, before.certificate!)).toEqual({
        data: { myStanding: { userId: 'kept-user' } },
      });
    } finally {
      await second.stop();
    }
  });

  it('starts afresh without persist', async () => {
    const kept = await start(true);
    const keptKey = kept.apiKey;
    await kept.stop();
    const fresh = await start(false);
    try {
      expect(fresh.apiKey).not.toBe(keptKey);
      expect(fresh.apiKey).toMatch(/^da2-[a-z0-9]{26}$/);
    } finally {
      await fresh.stop();
    }
  });
});
