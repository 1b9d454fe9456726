/**
 * A Lambda function run locally as Lambda runs it: each execution environment is a process of
 * its own whose environment is exactly what the function gets in the cloud (its links, its
 * role's credentials, Lambda's reserved variables, and nothing of this process), one
 * invocation at a time per environment, more environments up to a concurrency limit, and an
 * environment that overruns the timeout is killed. So a handler that reads a resource it
 * does not link fails here with SST's own error, and a busy worker cannot stall the API.
 * `recycle()` ends the environments so the next invocation cold-starts with the code on disk.
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
  /**
   * Start each execution environment with Node's inspector on 127.0.0.1 at this port (0: any
   * free port; a fixed port allows one environment at a time). Invocations are then not killed
   * at the timeout, so a debugger may hold one at a breakpoint.
   */
  readonly inspectPort?: number;
  /** Called with the debugger URL (`ws://127.0.0.1:<port>/<id>`) of each environment that listens. */
  readonly onInspector?: (url: string) => void;
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
  readonly timer: NodeJS.Timeout | undefined;
}

/** What Node prints when its inspector listens: the debugger's WebSocket URL. */
const inspectorListening = /^Debugger listening on (ws:\/\/\S+)/;
const inspectorHelp = /^For help, see: https:\/\/nodejs\.org\/\S*inspector/;

class ExecutionEnvironment {
  readonly ready: Promise<void>;
  /** Idle environments take the next invocation; an ending one takes none. */
  state: 'idle' | 'busy' | 'ending' = 'idle';
  /** Set by a recycle while busy: the environment ends when its invocation does. */
  retired = false;
  readonly exited: Promise<void>;
  private pending: Pending | undefined;
  private endReason: string | undefined;

  constructor(
    private readonly child: ChildProcess,
    onExit: (environment: ExecutionEnvironment) => void,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (reply: HostReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'init-error') reject(new LambdaHandlerError(reply.error));
        else this.settle(reply.ok ? { value: reply.value } : { error: new LambdaHandlerError(reply.error) });
      });
      child.once('exit', (code, signal) => {
        this.state = 'ending';
        const error = new LambdaRuntimeExitError(
          `execution environment ${this.endReason ?? `exited (${signal ?? `code ${code}`})`}`,
        );
        reject(error);
        this.settle({ error });
        onExit(this);
      });
    });
    this.ready.catch(() => this.kill());
  }

  /** Without `timeoutMs` the invocation may run on (a debugger holds it at a breakpoint). */
  invoke(message: InvokeMessage, timeoutMs: number | undefined, timeoutError: () => Error): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.settle({ error: timeoutError() });
              void this.kill();
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

  /** Ends the process; from now on no invocation picks this environment. */
  kill(reason?: string): Promise<void> {
    this.state = 'ending';
    this.endReason ??= reason;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }
}

export class LocalFunction {
  /** Environments whose process is still alive, ending ones included: they hold their slot until gone. */
  private readonly environments = new Set<ExecutionEnvironment>();
  private readonly waiting: Array<{
    readonly resolve: (environment: ExecutionEnvironment) => void;
    readonly reject: (error: Error) => void;
  }> = [];
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

  /** `endBy` ends this invocation sooner than the function's timeout would. */
  async invoke(event: unknown, requestId: string = randomUUID(), endBy?: Date): Promise<unknown> {
    const { identity } = this.options;
    const environment = await this.acquire();
    try {
      await environment.ready;
      const timeoutMs = Math.min(
        identity.timeoutSeconds * 1000,
        endBy ? Math.max(0, endBy.getTime() - Date.now()) : Infinity,
      );
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
        // A handler held at a breakpoint is not killed for its time: the deadline it reads stays.
        this.options.inspectPort === undefined ? timeoutMs : undefined,
        () => new LambdaTimeoutError(`${identity.name} timed out after ${identity.timeoutSeconds} s`),
      );
    } finally {
      this.release(environment);
    }
  }

  /**
   * Ends idle execution environments now and busy ones as their invocation ends, so every
   * later invocation cold-starts with the handler's code as it is on disk now. With
   * `endInvocations`, busy ones end at once and their invocations fail, as a timeout would
   * end them (for an invocation that runs a minute, like a ticking rebuilder).
   */
  async recycle(options: { endInvocations?: boolean } = {}): Promise<void> {
    const ending: Array<Promise<void>> = [];
    for (const environment of this.environments) {
      if (environment.state === 'idle' || (environment.state === 'busy' && options.endInvocations)) {
        ending.push(environment.kill('ended: recycled for new code'));
      } else if (environment.state === 'busy') environment.retired = true;
    }
    await Promise.all(ending);
  }

  /** Starts an execution environment ahead of the first invocation (a debugger can attach to it). */
  warm(): void {
    if (this.stopped || [...this.environments].some((environment) => environment.state === 'idle')) return;
    if (this.hasRoom()) this.spawn();
  }

  /** Ends every execution environment; invocations still running fail. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const waiter of this.waiting.splice(0)) {
      waiter.reject(new LambdaRuntimeExitError(`${this.name} is stopped`));
    }
    await Promise.all([...this.environments].map((environment) => environment.kill()));
  }

  /** One environment at a time on a fixed inspector port: a second could not listen on it. */
  private hasRoom(): boolean {
    const limit = this.options.inspectPort ? 1 : (this.options.maxConcurrency ?? 1);
    return this.environments.size < limit;
  }

  private acquire(): Promise<ExecutionEnvironment> {
    if (this.stopped) return Promise.reject(new LambdaRuntimeExitError(`${this.name} is stopped`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.serveWaiting();
    });
  }

  private release(environment: ExecutionEnvironment): void {
    if (environment.retired) void environment.kill('ended: recycled for new code');
    else if (environment.state === 'busy') environment.state = 'idle';
    this.serveWaiting();
  }

  /** Hands idle environments, or new ones while there is room, to waiting invocations in order. */
  private serveWaiting(): void {
    while (this.waiting.length > 0 && !this.stopped) {
      const idle = [...this.environments].find((environment) => environment.state === 'idle');
      const environment = idle ?? (this.hasRoom() ? this.spawn() : undefined);
      if (!environment) return;
      environment.state = 'busy';
      this.waiting.shift()?.resolve(environment);
    }
  }

  private spawn(): ExecutionEnvironment {
    const { inspectPort } = this.options;
    const child = fork(hostFile, [this.module.file, this.module.exportName], {
      cwd: this.options.root,
      env: { ...reservedVariables(this.options.identity), ...this.options.environment },
      execArgv: [
        '--import',
        typeScriptLoader,
        ...(inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`]),
      ],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // A process group of its own from birth: a terminal's Ctrl-C reaches only the owner, which ends it.
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.onOutputLine(line));
    }
    const environment = new ExecutionEnvironment(child, (gone) => {
      this.environments.delete(gone);
      this.serveWaiting();
    });
    this.environments.add(environment);
    return environment;
  }

  private onOutputLine(line: string): void {
    const listening = inspectorListening.exec(line)?.[1];
    if (listening) this.options.onInspector?.(listening);
    else if (!inspectorHelp.test(line)) this.options.onOutput?.(line);
  }
}
