/**
 * A local function runs in execution environments of its own: real child processes started with
 * exactly the environment the function is given, as Lambda starts them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { until } from '../../support/until.ts';
import { WebSocket } from 'ws';
import { LambdaTimeoutError } from '../../../src/emulators/lambda-context.ts';
import {
  LambdaHandlerError,
  LambdaRuntimeExitError,
  LocalFunction,
} from '../../../src/emulators/lambda-function.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const started: LocalFunction[] = [];

function probe(
  environment: Record<string, string>,
  overrides: {
    timeoutSeconds?: number;
    maxConcurrency?: number;
    handlerRoot?: string;
    inspectPort?: number;
    onInspector?: (url: string) => void;
  } = {},
) {
  const { handlerRoot, timeoutSeconds, ...rest } = overrides;
  const fn = new LocalFunction({
    identity: {
      name: 'Probe',
      timeoutSeconds: timeoutSeconds ?? 10,
      memoryMb: 128,
      region: 'us-east-1',
      accountId: '000000000000',
    },
    handler: handlerRoot ? 'handler.handler' : 'functions/probe.handler',
    root: handlerRoot ?? root,
    environment,
    ...rest,
  });
  started.push(fn);
  return fn;
}

interface ProbeResult {
  env: Record<string, string>;
  pid: number;
  resource: unknown;
  functionName: string;
  remainingMs: number;
}

const app = { SST_RESOURCE_App: JSON.stringify({ name: 'leaderboard', stage: 'test' }) };

afterEach(async () => {
  await Promise.all(started.splice(0).map((fn) => fn.stop()));
});

describe('LocalFunction', () => {
  it('gives the handler exactly its own variables and Lambda reserved ones, nothing of this process', async () => {
    process.env['LEAKED_FROM_THE_HOST'] = 'secret';
    try {
      const fn = probe({ ...app, SST_RESOURCE_Scores: JSON.stringify({ name: 'Scores' }) });
      const result = (await fn.invoke({ read: 'Scores' })) as ProbeResult;
      expect(result.resource).toEqual({ name: 'Scores' });
      expect(result.env['LEAKED_FROM_THE_HOST']).toBeUndefined();
      expect(result.env['AWS_LAMBDA_FUNCTION_NAME']).toBe('Probe');
      expect(result.env['AWS_REGION']).toBe('us-east-1');
      expect(
        Object.keys(result.env)
          .filter((key) => key.startsWith('SST_RESOURCE_'))
          .sort(),
      ).toEqual(['SST_RESOURCE_App', 'SST_RESOURCE_Scores']);
      expect(result.pid).not.toBe(process.pid);
    } finally {
      delete process.env['LEAKED_FROM_THE_HOST'];
    }
  });

  it('fails reading a resource it does not link with SST’s own error', async () => {
    const fn = probe({ ...app, SST_RESOURCE_Scores: JSON.stringify({ name: 'Scores' }) });
    const failure = await fn.invoke({ read: 'Activities' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LambdaHandlerError);
    expect((failure as Error).message).toBe('"Activities" is not linked in your sst.config.ts to Probe');
  });

  it('passes the handler’s own error name and message back', async () => {
    const failure = await probe(app)
      .invoke({ fail: 'quantity out of range' })
      .catch((error: unknown) => error);
    expect((failure as Error).name).toBe('RangeError');
    expect((failure as Error).message).toBe('quantity out of range');
  });

  it('kills an environment that overruns the timeout and starts a fresh one for the next invocation', async () => {
    const fn = probe(app, { timeoutSeconds: 1 });
    const first = (await fn.invoke({})) as ProbeResult;
    expect(first.remainingMs).toBeGreaterThan(0);
    expect(first.remainingMs).toBeLessThanOrEqual(1000);
    await expect(fn.invoke({ sleepMs: 3000 })).rejects.toBeInstanceOf(LambdaTimeoutError);
    const after = (await fn.invoke({})) as ProbeResult;
    expect(after.pid).not.toBe(first.pid);
  });

  it('runs one invocation per environment and more environments up to the concurrency limit', async () => {
    const fn = probe(app, { maxConcurrency: 2 });
    const results = (await Promise.all([0, 1, 2, 3].map(() => fn.invoke({ sleepMs: 300 })))) as ProbeResult[];
    expect(new Set(results.map((result) => result.pid)).size).toBe(2);
  });
});

const handlerRoot = mkdtempSync(join(tmpdir(), 'local-function-'));
afterAll(() => rmSync(handlerRoot, { recursive: true, force: true }));

/** A handler whose code says which version of it is running (plain JavaScript: its lines are the ones run). */
const writeHandler = (version: string) =>
  writeFileSync(
    join(handlerRoot, 'handler.mjs'),
    `export async function handler(event) {\n  if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));\n  return { version: '${version}', pid: process.pid };\n}\n`,
  );
type Versioned = { version: string; pid: number };

describe('LocalFunction.recycle', () => {
  it('cold-starts the next invocation with the code on disk; a warm environment keeps what it loaded', async () => {
    writeHandler('one');
    const fn = probe(app, { handlerRoot });
    const first = (await fn.invoke({})) as Versioned;
    writeHandler('two');
    expect(await fn.invoke({})).toEqual(first);
    await fn.recycle();
    const second = (await fn.invoke({})) as Versioned;
    expect(second.version).toBe('two');
    expect(second.pid).not.toBe(first.pid);
  });

  it('lets a busy environment finish its invocation, then ends it', async () => {
    writeHandler('one');
    const fn = probe(app, { handlerRoot });
    await fn.invoke({});
    const running = fn.invoke({ sleepMs: 400 });
    writeHandler('two');
    await fn.recycle();
    expect(((await running) as Versioned).version).toBe('one');
    expect(((await fn.invoke({})) as Versioned).version).toBe('two');
  });

  it('ends busy environments at once when asked, failing their invocations', async () => {
    writeHandler('one');
    const fn = probe(app, { handlerRoot });
    await fn.invoke({});
    const running = fn.invoke({ sleepMs: 5000 }).catch((error: unknown) => error);
    writeHandler('two');
    await fn.recycle({ endInvocations: true });
    const failure = await running;
    expect(failure).toBeInstanceOf(LambdaRuntimeExitError);
    expect((failure as Error).message).toContain('recycled for new code');
    expect(((await fn.invoke({})) as Versioned).version).toBe('two');
  });
});

/** A debugger on the inspector's WebSocket: Chrome DevTools Protocol commands and the events it sends. */
async function attachDebugger(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const events: Array<{ method: string; params: unknown }> = [];
  const replies = new Map<number, (result: unknown) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      method?: string;
      params?: unknown;
      result?: unknown;
    };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
    else if (message.method) events.push({ method: message.method, params: message.params });
  });
  let nextId = 0;
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      nextId += 1;
      replies.set(nextId, resolve);
      socket.send(JSON.stringify({ id: nextId, method, params }));
    });
  return { events, send, close: () => socket.close() };
}

describe('LocalFunction with an inspector', () => {
  it("says where each environment's debugger listens, and lets an invocation outlast the timeout", async () => {
    const urls: string[] = [];
    const fn = probe(app, { inspectPort: 0, timeoutSeconds: 1, onInspector: (url) => urls.push(url) });
    fn.warm();
    await until(() => urls.length === 1, 'the inspector to listen', 10_000);
    const { port } = new URL(urls[0]!);
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
      webSocketDebuggerUrl: string;
    }>;
    expect(targets.map((target) => target.webSocketDebuggerUrl)).toEqual(urls);
    const result = (await fn.invoke({ sleepMs: 1500 })) as ProbeResult;
    expect(result.remainingMs).toBe(0);
    expect(urls).toHaveLength(1);
  });

  it('lets a debugger stop in the handler and resume it', async () => {
    writeHandler('debugged');
    const urls: string[] = [];
    const fn = probe(app, { handlerRoot, inspectPort: 0, onInspector: (url) => urls.push(url) });
    fn.warm();
    await until(() => urls.length === 1, 'the inspector to listen', 10_000);
    const debuggerClient = await attachDebugger(urls[0]!);
    try {
      await debuggerClient.send('Debugger.enable');
      // The handler's `return` (line 3, zero-based 2).
      await debuggerClient.send('Debugger.setBreakpointByUrl', { urlRegex: 'handler\\.mjs$', lineNumber: 2 });
      const invocation = fn.invoke({});
      await until(
        () => debuggerClient.events.some((event) => event.method === 'Debugger.paused'),
        'the handler to stop at the breakpoint',
        10_000,
      );
      const paused = debuggerClient.events.find((event) => event.method === 'Debugger.paused');
      const frame = (paused?.params as { callFrames: Array<{ location: { lineNumber: number } }> })
        .callFrames[0];
      expect(frame?.location.lineNumber).toBe(2);
      let settled = false;
      void invocation.finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await debuggerClient.send('Debugger.resume');
      expect(((await invocation) as Versioned).version).toBe('debugged');
    } finally {
      debuggerClient.close();
    }
  });
});
