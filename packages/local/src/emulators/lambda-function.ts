/**
 * A Lambda function run locally as Lambda runs it: each execution environment is a process of
 * its own whose environment is exactly what the function gets in the cloud (its links, its
 * role's credentials, Lambda's reserved variables, and nothing of this process), one
 * invocation at a time per environment, more environments up to a concurrency limit, and an
 * environment that overruns the timeout is killed. So a handler that reads a resource it
 * does not link fails here with SST's own error, and a busy worker cannot stall the API.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { LambdaTimeoutError, type LambdaFunctionIdentity } from './lambda-context.ts';
import type { HostReply, InvokeMessage, SerializedError } from './lambda-protocol.ts';

export interface LocalFunctionOptions {
  readonly identity: LambdaFunctionIdentity;
  /** As SST takes it: `<path without extension>.<export>`, relative to `root`. */
  readonly handler: string;
  readonly root: string;
  /** The function's own variables (links, settings); Lambda's reserved ones are added. */
  readonly environment: Readonly<Record<string, string>>;
  /** Concurrent execution environments at most; further invocations wait for one. */
  readonly maxConcurrency?: number;
  /** Each line the function writes to stdout or stderr. */
  readonly onOutput?: (line: string) => void;
}

/** The handler threw; `name`, `message` and `stack` are the handler's own. */
export class LambdaHandlerError extends Error {
  constructor(error: SerializedError) {
    super(error.message);
    this.name = error.name;
    this.stack = error.stack || `${error.name}: ${error.message}`;
  }
}

/** The execution environment ended during an invocation (a crash, or the function was stopped). */
export class LambdaRuntimeExitError extends Error {
  override readonly name = 'LambdaRuntimeExitError';
}

const hostFile = fileURLToPath(new URL('./lambda-host.ts', import.meta.url));
const typeScriptLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function handlerModule(root: string, handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  const base = join(root, handler.slice(0, dot));
  const file = ['.ts', '.mts', '.js', '.mjs']
    .map((ext) => base + ext)
    .find((candidate) => existsSync(candidate));
  if (dot < 0 || !file) throw new Error(`handler ${handler}: no module at ${base}.{ts,mts,js,mjs}`);
  return { file, exportName: handler.slice(dot + 1) };
}

/** What Lambda sets in every function's environment (the reserved variables that matter to Node code). */
function reservedVariables(identity: LambdaFunctionIdentity): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: identity.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(identity.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_REGION: identity.region,
    AWS_DEFAULT_REGION: identity.region,
    TZ: 'UTC',
    LANG: 'en_US.UTF-8',
    PATH: '/usr/local/bin:/usr/bin:/bin',
    // In the cloud the functions run on nodejs24.x, where the SDK has no Node version to warn about.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

class ExecutionEnvironment {
  readonly ready: Promise<void>;
  busy = false;
  private pending: Pending | undefined;
  private readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly onGone: (environment: ExecutionEnvironment) => void,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (reply: HostReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'init-error') reject(new LambdaHandlerError(reply.error));
        else this.settle(reply.ok ? { value: reply.value } : { error: new LambdaHandlerError(reply.error) });
      });
      child.once('exit', (code, signal) => {
        const error = new LambdaRuntimeExitError(
          `execution environment exited (${signal ?? `code ${code}`})`,
        );
        reject(error);
        this.settle({ error });
        this.onGone(this);
      });
    });
    this.ready.catch(() => this.kill());
  }

  invoke(message: InvokeMessage, timeoutMs: number, timeoutError: () => Error): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle({ error: timeoutError() });
        this.kill();
      }, timeoutMs);
      this.pending = { resolve, reject, timer };
      this.child.send(message);
    });
  }

  private settle(outcome: { value: unknown } | { error: Error }): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if ('error' in outcome) pending.reject(outcome.error);
    else pending.resolve(outcome.value);
  }

  /** Ends the process; the environment leaves the pool at once, so no invocation can pick it meanwhile. */
  kill(): Promise<void> {
    this.onGone(this);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }
}

export class LocalFunction {
  private readonly environments = new Set<ExecutionEnvironment>();
  private readonly waiting: Array<(environment: ExecutionEnvironment) => void> = [];
  private readonly module: { file: string; exportName: string };
  private stopped = false;

  constructor(private readonly options: LocalFunctionOptions) {
    this.module = handlerModule(options.root, options.handler);
  }

  get name(): string {
    return this.options.identity.name;
  }

  /** A handler-shaped view, for callers that invoke with a Lambda context (the event source mapping). */
  readonly handler = (event: unknown, context?: Context): Promise<unknown> =>
    this.invoke(event, context?.awsRequestId);

  async invoke(event: unknown, requestId: string = randomUUID()): Promise<unknown> {
    const { identity } = this.options;
    const environment = await this.acquire();
    try {
      await environment.ready;
      const timeoutMs = identity.timeoutSeconds * 1000;
      const message: InvokeMessage = {
        type: 'invoke',
        id: 1,
        event,
        context: {
          functionName: identity.name,
          invokedFunctionArn: `arn:aws:lambda:${identity.region}:${identity.accountId}:function:${identity.name}`,
          memoryMb: identity.memoryMb,
          awsRequestId: requestId,
          deadlineMs: Date.now() + timeoutMs,
        },
      };
      return await environment.invoke(
        message,
        timeoutMs,
        () => new LambdaTimeoutError(`${identity.name} timed out after ${identity.timeoutSeconds} s`),
      );
    } finally {
      this.release(environment);
    }
  }

  /** Ends every execution environment; invocations still running fail. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.environments].map((environment) => environment.kill()));
  }

  private acquire(): Promise<ExecutionEnvironment> {
    if (this.stopped) return Promise.reject(new LambdaRuntimeExitError(`${this.name} is stopped`));
    const idle = [...this.environments].find((environment) => !environment.busy);
    const environment =
      idle ?? (this.environments.size < (this.options.maxConcurrency ?? 1) ? this.spawn() : undefined);
    if (environment) {
      environment.busy = true;
      return Promise.resolve(environment);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(environment: ExecutionEnvironment): void {
    const next = this.waiting.shift();
    if (!next) {
      environment.busy = false;
      return;
    }
    if (this.environments.has(environment)) next(environment);
    else {
      const fresh = this.spawn();
      fresh.busy = true;
      next(fresh);
    }
  }

  private spawn(): ExecutionEnvironment {
    const child = fork(hostFile, [this.module.file, this.module.exportName], {
      cwd: this.options.root,
      env: { ...reservedVariables(this.options.identity), ...this.options.environment },
      execArgv: ['--import', typeScriptLoader],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.options.onOutput?.(line));
    }
    const environment = new ExecutionEnvironment(child, (gone) => this.environments.delete(gone));
    this.environments.add(environment);
    return environment;
  }
}
