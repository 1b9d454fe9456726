/**
 * The deploy-time function that sets AppSync environment variables, against a local HTTP server
 * standing in for AppSync's control-plane endpoint (`PUT /v1/apis/{apiId}/environmentVariables`),
 * which keeps each API's variables as AppSync would: the real SDK client signs and sends the
 * request; only AWS is replaced.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as HandlerModule from '../handlers/appsync-environment.ts';
import { listenAsAppSync } from './support/appsync-stand-in.ts';

interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string;
  readonly body: unknown;
}

let server: Server;
let handlerModule: typeof HandlerModule;
const received: ReceivedRequest[] = [];
/** API ids the stand-in treats as deleted. */
const deletedApis = new Set<string>();
/** What the stand-in AppSync holds: each API's environment variables. */
const storedVariables = new Map<string, unknown>();
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({
        method: request.method ?? '',
        path,
        authorization: String(request.headers.authorization ?? ''),
        body: body ? JSON.parse(body) : undefined,
      });
      const apiId = decodeURIComponent(path.split('/')[3] ?? '');
      if (deletedApis.has(apiId)) {
        response.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'NotFoundException',
        });
        response.end(JSON.stringify({ message: `GraphQL API ${apiId} not found.` }));
        return;
      }
      const { environmentVariables } = JSON.parse(body) as { environmentVariables: unknown };
      storedVariables.set(apiId, environmentVariables);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ environmentVariables }));
    });
  });
  await listenAsAppSync(server);
  handlerModule = await import('../handlers/appsync-environment.ts');
});

afterAll(async () => {
  process.env = savedEnv;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  deletedApis.clear();
  storedVariables.clear();
});

const variables = { ACTIVITIES_TABLE: 'stage-Activities', SCORES_TABLE: 'stage-Scores' };

describe('the API environment writer', () => {
  it('puts the variables on the API when created, with a signed request', async () => {
    const result = await handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'create' } });
    expect(result).toEqual({ apiId: 'api123', keys: ['ACTIVITIES_TABLE', 'SCORES_TABLE'] });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'PUT',
      path: '/v1/apis/api123/environmentVariables',
      body: { environmentVariables: variables },
    });
    expect(received[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/appsync\/aws4_request/,
    );
  });

  it('replaces the variables when they change', async () => {
    await handlerModule.handler({
      apiId: 'api123',
      variables: { ...variables, SCORES_TABLE: 'renamed' },
      tf: { action: 'update' },
    });
    expect(received[0]!.body).toEqual({ environmentVariables: { ...variables, SCORES_TABLE: 'renamed' } });
  });

  it('leaves the variables in place when removed, and asks nothing of an API already gone', async () => {
    await handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'create' } });
    await expect(
      handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'delete' } }),
    ).resolves.toEqual({ apiId: 'api123', keys: [] });
    expect(storedVariables.get('api123')).toEqual(variables);
    deletedApis.add('gone');
    await expect(
      handlerModule.handler({ apiId: 'gone', variables, tf: { action: 'delete' } }),
    ).resolves.toEqual({ apiId: 'gone', keys: [] });
    expect(received).toHaveLength(1);
  });

  it("keeps the successor's variables when the writer is replaced (Pulumi creates the new one, then deletes the old)", async () => {
    const previous = { ...variables, SCORES_TABLE: 'stage-ScoresOld' };
    await handlerModule.handler({ apiId: 'api123', variables: previous, tf: { action: 'create' } });
    await handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'create' } });
    await handlerModule.handler({ apiId: 'api123', variables: previous, tf: { action: 'delete' } });
    expect(storedVariables.get('api123')).toEqual(variables);

    // The same when old and new inputs are equal, as when only the writer function was renamed.
    await handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'create' } });
    await handlerModule.handler({ apiId: 'api123', variables, tf: { action: 'delete' } });
    expect(storedVariables.get('api123')).toEqual(variables);
  });

  it('fails a create or update on an API that does not exist', async () => {
    deletedApis.add('gone');
    await expect(
      handlerModule.handler({ apiId: 'gone', variables, tf: { action: 'create' } }),
    ).rejects.toThrow(/not found/);
  });

  it('refuses an event without an API id', async () => {
    await expect(handlerModule.handler({ apiId: '', variables })).rejects.toThrow(
      handlerModule.InvalidApiEnvironmentEventError,
    );
    expect(received).toHaveLength(0);
  });
});
