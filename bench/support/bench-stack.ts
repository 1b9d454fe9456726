/**
 * The whole local service for a benchmark: its own DynamoDB Local (in memory) and the local
 * stack on it, with users and their tokens, and each Lambda's invocations timed from outside
 * the function (count and duration, for GB-seconds).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions as functionSpecs } from '@leaderboard/core';
import { startDynamoDbLocal, type DynamoDbLocal } from '@leaderboard/local/aws/dynamodb-local';
import {
  startLocalStack,
  type LocalStack,
  type LocalStackOptions,
} from '@leaderboard/local/stack/local-stack';

export interface FunctionUsage {
  invocations: number;
  durationMs: number;
  readonly memoryMb: number;
  /** When each invocation started, and each finished one's start and end (epoch ms), to place a slow sample against them. */
  readonly starts: number[];
  readonly windows: Array<readonly [number, number]>;
}

export interface BenchStack {
  readonly stack: LocalStack;
  readonly dynamo: DynamoDbLocal;
  /** Per function name, since the last `resetUsage()`. */
  readonly functionUsage: Record<string, FunctionUsage>;
  readonly logLines: string[];
  resetUsage(): void;
  /** Writes `count` users' tokens (`<prefix><n>`) to a JSON file and returns its path. */
  tokensFile(prefix: string, count: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchStack(options: LocalStackOptions = {}): Promise<BenchStack> {
  const dynamo = await startDynamoDbLocal();
  const logLines: string[] = [];
  const stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    log: (line) => logLines.push(line),
    ...options,
  }).catch(async (error: unknown) => {
    await dynamo.stop();
    throw error;
  });
  const functionUsage: Record<string, FunctionUsage> = {};
  for (const spec of functionSpecs) {
    const fn = stack.functions[spec.name as keyof typeof stack.functions];
    const usage: FunctionUsage = {
      invocations: 0,
      durationMs: 0,
      memoryMb: spec.memoryMb,
      starts: [],
      windows: [],
    };
    functionUsage[spec.name] = usage;
    const invoke = fn.invoke.bind(fn);
    fn.invoke = async (...args: Parameters<typeof fn.invoke>) => {
      const started = performance.now();
      const startedAt = Date.now();
      if (usage.starts.length < 1000) usage.starts.push(startedAt);
      try {
        return await invoke(...args);
      } finally {
        usage.invocations += 1;
        usage.durationMs += performance.now() - started;
        if (usage.windows.length < 1000) usage.windows.push([startedAt, Date.now()]);
      }
    };
  }
  const directory = mkdtempSync(join(tmpdir(), 'bench-'));
  return {
    stack,
    dynamo,
    functionUsage,
    logLines,
    resetUsage() {
      for (const usage of Object.values(functionUsage)) {
        usage.invocations = 0;
        usage.durationMs = 0;
        usage.windows.length = 0;
        usage.starts.length = 0;
      }
    },
    async tokensFile(prefix, count) {
      const tokens: string[] = [];
      for (let index = 0; index < count; index += 1) {
        tokens.push(await stack.mintToken({ sub: `${prefix}${index}`, expiresInSeconds: 4 * 3600 }));
      }
      const file = join(directory, `${prefix}tokens.json`);
      writeFileSync(file, JSON.stringify(tokens));
      return file;
    },
    async stop() {
      await stack.stop();
      await dynamo.stop();
    },
  };
}
