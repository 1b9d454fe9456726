/**
 * A local function runs in execution environments of its own: real child processes started with
 * exactly the environment the function is given, as Lambda starts them.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LambdaTimeoutError } from '../../../src/emulators/lambda-context.ts';
import { LambdaHandlerError, LocalFunction } from '../../../src/emulators/lambda-function.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const started: LocalFunction[] = [];

function probe(
  environment: Record<string, string>,
  overrides: { timeoutSeconds?: number; maxConcurrency?: number } = {},
) {
  const fn = new LocalFunction({
    identity: {
      name: 'Probe',
      timeoutSeconds: overrides.timeoutSeconds ?? 10,
      memoryMb: 128,
      region: 'us-east-1',
      accountId: '000000000000',
    },
    handler: 'functions/probe.handler',
    root,
    environment,
    ...(overrides.maxConcurrency ? { maxConcurrency: overrides.maxConcurrency } : {}),
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
