import { createServer, type RequestListener } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';
import { closeServer, listen } from 'appsync-local/net';
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
  /** 0 (the default): the port the system gives when the server listens. */
  readonly port?: number;
  readonly region?: string;
}

/** The account id the emulator puts in queue URLs and ARNs. */
const localAccountId = '000000000000';

/**
 * Runs `local-aws-sqs` in this process on 127.0.0.1. Its own `createSqsServer` ignores
 * listen errors, so the request handler is mounted on a server whose errors we see. The
 * server listens first and the handler is made with the port it got (queue URLs carry it).
 */
export async function startSqsEmulator(options: SqsEmulatorOptions = {}): Promise<SqsEmulator> {
  let handle: RequestListener = (_request, response) => response.writeHead(503).end();
  const server = createServer((request, response) => handle(request, response));
  const port = await listen(server, options.port ?? 0, '127.0.0.1').catch((error: NodeJS.ErrnoException) => {
    throw new SqsEmulatorStartError(
      error.code === 'EADDRINUSE'
        ? `port ${options.port} is already in use; choose another or free it`
        : `the SQS emulator could not listen on 127.0.0.1:${options.port ?? 0}: ${error.message}`,
    );
  });
  const { requestHandler } = createRequestHandler({
    port,
    hostname: '127.0.0.1',
    region: options.region ?? localRegion,
    accountId: localAccountId,
    // Queues are created once per run; AWS's 60 s wait before re-creating a name only slows tests.
    emulateQueueCreationLifecycle: false,
  });
  handle = (request, response) => void requestHandler(request, response);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    accountId: localAccountId,
    stop: () => closeServer(server),
  };
}
