import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LocalStack } from './local-stack.ts';

/** What `.local/stack.json` tells other commands about the running stack. */
export interface StackFile {
  readonly version: 1;
  readonly startedAt: string;
  readonly pids: { readonly stack: number; readonly dynamodb: number | null };
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  /** With `--https`: the certificate's PEM file, for clients to trust. */
  readonly certificateFile?: string | null;
  readonly apiKey: string;
  readonly issuerUrl: string;
  readonly tokenService: { readonly url: string; readonly secret: string };
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly queues: {
    readonly activities: { readonly name: string; readonly url: string; readonly arn: string };
    readonly deadLetter: { readonly name: string; readonly url: string; readonly arn: string };
  };
}

export class StackFileError extends Error {
  override readonly name = 'StackFileError';
}

export function stackFileFor(stack: LocalStack, pid: number = process.pid): StackFile {
  return {
    version: 1,
    startedAt: new Date().toISOString(),
    pids: { stack: pid, dynamodb: stack.dynamoPid ?? null },
    graphqlUrl: stack.graphqlUrl,
    realtimeUrl: stack.realtimeUrl,
    certificateFile: stack.certificateFile ?? null,
    apiKey: stack.apiKey,
    issuerUrl: stack.issuerUrl,
    tokenService: stack.tokenService,
    dynamoEndpoint: stack.dynamoEndpoint,
    sqsEndpoint: stack.sqsEndpoint,
    region: stack.region,
    credentials: stack.credentials,
    queues: { activities: stack.queues.queue, deadLetter: stack.queues.deadLetter },
  };
}

/** Written for the owner only: it holds the token service's secret. */
export function writeStackFile(path: string, content: StackFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The stack file, or undefined when there is none. */
export function readStackFile(path: string): StackFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StackFileError(`${path} is not valid JSON; delete it and start the stack again`);
  }
  const file = parsed as Partial<StackFile>;
  if (file.version !== 1 || typeof file.graphqlUrl !== 'string' || typeof file.pids?.stack !== 'number') {
    throw new StackFileError(`${path} was written by another version; delete it and start the stack again`);
  }
  return file as StackFile;
}

/** Removes the file if it still describes the stack in process `pid`. */
export function removeStackFile(path: string, pid: number = process.pid): void {
  try {
    if (readStackFile(path)?.pids.stack === pid) rmSync(path, { force: true });
  } catch {
    // A file we cannot read is not ours to remove.
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is a DynamoDB Local Java process (Linux: read from /proc). */
export function isDynamoDbLocalProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar');
  } catch {
    return false;
  }
}
