/**
 * How long `pnpm start` takes to be ready, against the floor it cannot beat: DynamoDB Local
 * starting alone (a JVM start). Measured in the same run, alternating, median of `--runs`:
 *
 * - baseline: `startDynamoDbLocal()` until it answers ListTables;
 * - stack: `startLocalStack()` from call to resolved, as the CLI reports it ("ready in");
 * - CLI: the `pnpm start` process (after the resolver build) from spawn to its banner, once
 *   with tsx's compile cache and once without it (a fresh clone's first run);
 * - the resolver build `pnpm start` runs first.
 *
 *   pnpm exec tsx bench/start.bench.ts --runs=5
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '@leaderboard/local/aws/dynamodb-local';
import { repositoryRoot } from '@leaderboard/local/stack/paths';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, strict: false });
const runs = Math.max(1, Number(values.runs) || 5);
const scratch = mkdtempSync(join(tmpdir(), 'leaderboard-start-bench-'));

const median = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function baseline(): Promise<number> {
  const started = performance.now();
  const dynamo = await startDynamoDbLocal();
  const elapsed = performance.now() - started;
  await dynamo.stop();
  return elapsed;
}

interface CliRun {
  readonly toBannerMs: number;
  /** What the CLI itself reports: `startLocalStack` from call to ready. */
  readonly stackReadyMs: number;
}

function cli(cold: boolean): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repositoryRoot, 'packages', 'cli', 'src', 'start.ts'), '--port', '0'],
      {
        cwd: repositoryRoot,
        env: {
          ...process.env,
          LEADERBOARD_STACK_FILE: join(scratch, 'stack.json'),
          ...(cold ? { TSX_DISABLE_CACHE: '1' } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let result: CliRun | undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!result && output.includes('Press Ctrl-C to stop.')) {
        const reported = /ready in ([\d.]+) s/.exec(output)?.[1];
        result = { toBannerMs: performance.now() - started, stackReadyMs: Number(reported) * 1000 };
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`pnpm start exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function resolverBuildMs(): number {
  const started = performance.now();
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repositoryRoot, 'packages', 'resolvers', 'build.ts')],
    {
      cwd: repositoryRoot,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`resolver build failed:\n${build.stderr}`);
  return performance.now() - started;
}

const samples = {
  baseline: [] as number[],
  stack: [] as number[],
  cliWarm: [] as number[],
  cliCold: [] as number[],
};
try {
  const buildMs = resolverBuildMs();
  await cli(false); // warm-up: tsx cache, JIT, page cache
  for (let run = 1; run <= runs; run += 1) {
    samples.baseline.push(await baseline());
    const warm = await cli(false);
    samples.cliWarm.push(warm.toBannerMs);
    samples.stack.push(warm.stackReadyMs);
    samples.cliCold.push((await cli(true)).toBannerMs);
    process.stderr.write(`run ${run}/${runs} done\n`);
  }
  const floor = median(samples.baseline);
  const row = (name: string, list: number[]) =>
    `| ${name.padEnd(44)} | ${(median(list) / 1000).toFixed(2).padStart(6)} s | ${(Math.min(...list) / 1000).toFixed(2)}-${(Math.max(...list) / 1000).toFixed(2)} s | ${(median(list) / floor).toFixed(1).padStart(5)}x |`;
  console.log(`\nStart-up, median of ${runs} runs (ratio to DynamoDB Local alone):\n`);
  console.log('| what                                         | median   | range       | ratio  |');
  console.log('| -------------------------------------------- | -------: | ----------- | -----: |');
  console.log(row('DynamoDB Local alone (baseline)', samples.baseline));
  console.log(row('startLocalStack() call to ready', samples.stack));
  console.log(row('pnpm start process to banner (tsx cache)', samples.cliWarm));
  console.log(row('pnpm start process to banner (no tsx cache)', samples.cliCold));
  console.log(`\nResolver build (run first by \`pnpm start\`): ${(buildMs / 1000).toFixed(2)} s`);
  const worst = median(samples.cliCold) + buildMs;
  console.log(
    `pnpm start on a fresh clone, build + cold start: ${(worst / 1000).toFixed(1)} s (target: 20 s)`,
  );
  if (worst > 20_000) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
