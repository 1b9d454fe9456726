/**
 * Ingest: `recordActivity` calls per second and their latency at concurrency 1, 8 and 32, next
 * to direct SDK calls of the same shape on the same DynamoDB Local (a consistent BatchGetItem of
 * two items, a GetItem of the team assignment and a three-item transaction writing the same
 * items), measured in the same run, alternating.
 *
 *   pnpm exec tsx bench/ingest.bench.ts [--concurrency=1,8,32] [--seconds=10] [--rounds=2] [--users=1500] [--profile]
 *
 * The whole local stack runs (API, authorizer, IAM gateway, pipe, worker, rebuilder), so the
 * pipeline processes both sides' activities as they arrive, as it would in service; each load
 * runs in a process of its own. Throughput is the median over rounds; latency percentiles pool
 * every call of every round. Target: the API reaches 0.75 of direct at concurrency 32.
 *
 * With `--profile`, one more run of each side at the top concurrency says where the cores went
 * (CPU seconds per process) and, for the API, where the stack process spent its time (a CPU
 * profile, grouped; the profile itself is written to ingest.cpuprofile in the temporary folder).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CpuProfiler } from './support/cpu-profile.ts';
import { ProcessCpu } from './support/process-cpu.ts';
import { machineLine, median, parseOptions, percentile, round, table } from './support/stats.ts';
import { startBenchStack } from './support/bench-stack.ts';
import { runLoadProcess } from './support/load-process.ts';
import type { LoadResult } from './support/ingest-load.ts';

const options = parseOptions(process.argv.slice(2));
const concurrencies = (options['concurrency'] ?? '1,8,32').split(',').map(Number);
const durationMs = Number(options['seconds'] ?? 10) * 1000;
const rounds = Number(options['rounds'] ?? 2);
const users = Number(options['users'] ?? 1500);
const warmUpMs = Number(options['warmup'] ?? 5) * 1000;
const target = 0.75;
const profileFile = join(tmpdir(), 'ingest.cpuprofile');

interface Side {
  readonly throughputs: number[];
  readonly latencies: number[];
  readonly failures: Record<string, number>;
}

const emptySide = (): Side => ({ throughputs: [], latencies: [], failures: {} });

function add(side: Side, result: LoadResult): void {
  side.throughputs.push((result.calls / result.elapsedMs) * 1000);
  side.latencies.push(...result.latenciesMs);
  for (const [type, count] of Object.entries(result.failures))
    side.failures[type] = (side.failures[type] ?? 0) + count;
}

const describeFailures = (side: Side) =>
  Object.entries(side.failures)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ') || '0';

console.log(`ingest: ${machineLine()}`);
const bench = await startBenchStack();
try {
  const tokensFile = await bench.tokensFile('ingest-user-', users);
  const graphql = { mode: 'graphql' as const, graphqlUrl: bench.stack.graphqlUrl, tokensFile };
  const direct = {
    mode: 'direct' as const,
    dynamoEndpoint: bench.dynamo.endpoint,
    userPrefix: 'direct-user-',
    users,
  };
  // Warm-up: tokens through the authorizer, DynamoDB Local's JIT, the pipeline running.
  for (let index = 0; index < 2; index += 1) {
    await runLoadProcess({ ...graphql, concurrency: 8, durationMs: warmUpMs });
    await runLoadProcess({ ...direct, concurrency: 8, durationMs: warmUpMs });
  }
  bench.resetUsage();

  const results = new Map(concurrencies.map((c) => [c, { api: emptySide(), direct: emptySide() }]));
  for (let index = 0; index < rounds; index += 1) {
    for (const concurrency of concurrencies) {
      const sides = results.get(concurrency)!;
      // Alternate which goes first, so neither always runs on a machine the other just warmed or loaded.
      const order = index % 2 === 0 ? (['direct', 'api'] as const) : (['api', 'direct'] as const);
      for (const which of order) {
        const load = which === 'api' ? graphql : direct;
        const result = await runLoadProcess({ ...load, concurrency, durationMs });
        add(sides[which], result);
        console.log(
          `  round ${index + 1} c=${concurrency} ${which}: ${round((result.calls / result.elapsedMs) * 1000)}/s`,
        );
      }
    }
  }

  const rows = concurrencies.map((concurrency) => {
    const { api, direct: baseline } = results.get(concurrency)!;
    const ratio = median(api.throughputs) / median(baseline.throughputs);
    return [
      String(concurrency),
      round(median(api.throughputs)),
      `${round(percentile(api.latencies, 0.5))} / ${round(percentile(api.latencies, 0.95))} / ${round(percentile(api.latencies, 0.99))}`,
      describeFailures(api),
      round(median(baseline.throughputs)),
      `${round(percentile(baseline.latencies, 0.5))} / ${round(percentile(baseline.latencies, 0.95))} / ${round(percentile(baseline.latencies, 0.99))}`,
      describeFailures(baseline),
      `${round(ratio, 2)}x`,
    ];
  });
  console.log(
    table(
      [
        'concurrency',
        'recordActivity /s',
        'p50 / p95 / p99 ms',
        'failed',
        'direct /s',
        'p50 / p95 / p99 ms',
        'failed',
        'ratio',
      ],
      rows,
    ),
  );
  const atTop = results.get(Math.max(...concurrencies))!;
  const ratio = median(atTop.api.throughputs) / median(atTop.direct.throughputs);
  console.log(
    `target: ${target}x of direct at concurrency ${Math.max(...concurrencies)}: ${ratio >= target ? 'met' : 'missed'} (${round(ratio, 2)}x)`,
  );
  console.log(
    `authorizer invocations during the measured runs: ${bench.functionUsage['Authorizer']?.invocations ?? 0}; worker batches: ${bench.functionUsage['Worker']?.invocations ?? 0}`,
  );
  if (options['profile'] !== undefined) await profile(graphql, direct, Math.max(...concurrencies));
} finally {
  await bench.stop();
}

async function profile(
  graphql: Parameters<typeof runLoadProcess>[0],
  direct: Parameters<typeof runLoadProcess>[0],
  concurrency: number,
): Promise<void> {
  for (const [name, load] of [
    ['direct', direct],
    ['api', graphql],
  ] as const) {
    const cpu = new ProcessCpu();
    const profiler = name === 'api' ? new CpuProfiler() : undefined;
    await profiler?.start();
    const result = await runLoadProcess({ ...load, concurrency, durationMs });
    const groups = await profiler?.stop(profileFile);
    const rate = (result.calls / result.elapsedMs) * 1000;
    console.log(`\n${name} at concurrency ${concurrency}: ${round(rate)}/s; CPU per process:`);
    console.log(
      table(
        ['process', 'CPU s', 'cores', 'CPU ms per call'],
        [
          ...cpu.finish(),
          {
            label: 'load generator',
            cpuSeconds: result.cpuMs / 1000,
            cores: result.cpuMs / result.elapsedMs,
          },
        ].map((entry) => [
          entry.label,
          round(entry.cpuSeconds, 2),
          round(entry.cores, 2),
          round((entry.cpuSeconds * 1000) / result.calls, 2),
        ]),
      ),
    );
    if (groups) {
      console.log('\nstack process, self time by part:');
      console.log(
        table(
          ['part', 'ms', 'share'],
          groups.map((entry) => [entry.group, round(entry.ms, 0), `${round(entry.share * 100)}%`]),
        ),
      );
    }
  }
}
