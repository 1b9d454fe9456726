/**
 * The daily API key renewal, against a local HTTP server standing in for AppSync's control
 * plane (`POST /v1/apis/{apiId}/apikeys/{id}`, UpdateApiKey): the real SDK client signs and
 * sends the request; only AWS is replaced.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyExpiry, apiKeyLifetimeDays } from '../handlers/api-key-expiry.ts';
import type * as HandlerModule from '../handlers/api-key-renewal.ts';
import { listenAsAppSync } from './support/appsync-stand-in.ts';

interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

let server: Server;
let handlerModule: typeof HandlerModule;
const received: ReceivedRequest[] = [];
/** Key ids the stand-in knows, per API id. */
const keys = new Map<string, Set<string>>();
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '';
      const parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      received.push({
        method: request.method ?? '',
        path,
        authorization: String(request.headers.authorization ?? ''),
        body: parsed,
      });
      const [, , , apiId = '', , keyId = ''] = path.split('/').map(decodeURIComponent);
      if (!keys.get(apiId)?.has(keyId)) {
        response.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'NotFoundException',
        });
        response.end(JSON.stringify({ message: `API key ${keyId} not found.` }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ apiKey: { id: keyId, expires: parsed.expires, deletes: 0 } }));
    });
  });
  await listenAsAppSync(server);
  handlerModule = await import('../handlers/api-key-renewal.ts');
});

afterAll(async () => {
  process.env = savedEnv;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  keys.clear();
  keys.set('api123', new Set(['da2-key1']));
});

describe('apiKeyExpiry', () => {
  it('is 364 days ahead, on the hour, which AppSync accepts (at most 365 days)', () => {
    const now = Date.parse('2026-11-20T10:47:13.000Z');
    expect(apiKeyLifetimeDays).toBe(364);
    expect(new Date(apiKeyExpiry(now) * 1000).toISOString()).toBe('2027-11-19T10:00:00.000Z');
  });
});

describe('the API key renewal', () => {
  it("moves the key's expiry a year ahead with a signed UpdateApiKey, and says to when", async () => {
    const before = apiKeyExpiry(Date.now());
    const result = await handlerModule.handler({ apiId: 'api123', keyId: 'da2-key1' });
    const after = apiKeyExpiry(Date.now());
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', path: '/v1/apis/api123/apikeys/da2-key1' });
    expect(received[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/appsync\/aws4_request/,
    );
    const expires = received[0]!.body.expires as number;
    expect(expires).toBeGreaterThanOrEqual(before);
    expect(expires).toBeLessThanOrEqual(after);
    expect(Object.keys(received[0]!.body)).toEqual(['expires']);
    expect(result).toEqual({
      apiId: 'api123',
      keyId: 'da2-key1',
      expires: new Date(expires * 1000).toISOString(),
    });
  });

  it('fails, for the errors alarm to see, when the key is gone', async () => {
    await expect(handlerModule.handler({ apiId: 'api123', keyId: 'da2-deleted' })).rejects.toThrow(
      /not found/,
    );
  });

  it('refuses an event without both ids, before calling AppSync', async () => {
    await expect(handlerModule.handler({ apiId: 'api123', keyId: '' })).rejects.toThrow(
      handlerModule.InvalidApiKeyRenewalEventError,
    );
    await expect(handlerModule.handler({ keyId: 'da2-key1' } as never)).rejects.toThrow(/apiId is required/);
    expect(received).toHaveLength(0);
  });
});
