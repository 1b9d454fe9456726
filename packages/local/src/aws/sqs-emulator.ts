import { createServer } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';
import { closeServer, listen } from 'appsync-local/net';
import { freePort } from './free-port.ts';
import { localRegion } from './dynamodb-local.ts';

/** Thrown when the SQS emulator cannot listen, e.g. because its port is taken. */
export class SqsEmulatorStartError extends Error {
  override readonly name = 'SqsEmulatorStartError';
}

export interface SqsEmulator {
  readonly endpoint: string;
  readonly port: number;
  readonly accountId: string;
  stop(): Promise<void>;
}

export interface SqsEmulatorOptions {
  /** Defaults to a free loopback port. */
  readonly port?: number;
  readonly region?: string;
}

/** The account id the emulator puts in queue URLs and ARNs. */
const localAccountId = '000000000000';

/**
 * Runs `local-aws-sqs` in this process on 127.0.0.1. Its own `createSqsServer` ignores
 * listen errors, so the request handler is mounted on a server whose errors we see.
 */
export async function startSqsEmulator(options: SqsEmulatorOptions = {}): Promise<SqsEmulator> {
  const port = options.port ?? (await freePort());
  const { requestHandler } = createRequestHandler({
    port,
    hostname: '127.0.0.1',
    region: options.region ?? localRegion,
    accountId: localAccountId,
    // Queues are created once per run; AWS's 60 s wait before re-creating a name only slows tests.
    emulateQueueCreationLifecycle: false,
  });
  const server = createServer((request, response) => void requestHandler(request, response));
  await listen(server, port, '127.0.0.1').catch((error: NodeJS.ErrnoException) => {
    throw new SqsEmulatorStartError(
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use; choose another or free it`
        : `the SQS emulator could not listen on 127.0.0.1:${port}: ${error.message}`,
    );
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    accountId: localAccountId,
    stop: () => closeServer(server),
  };
}
