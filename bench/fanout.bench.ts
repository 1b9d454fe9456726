/**
 * Fan-out: a published leaderboard (100 entries) reaching 100 and 1,000 subscribers of its board
 * on the local AppSync real-time API, from the rebuilder's signed `publishLeaderboard` call to each
 * subscriber's receipt; next to a bare `ws` server broadcasting the same message to as many
 * clients in the same run (the floor: Node and WebSockets on this machine). Subscribers run in a
 * process of their own.
 *
 *   pnpm exec tsx bench/fanout.bench.ts [--subscribers=100,1000] [--publishes=20]
 *
 * Target: p95 <= 50 ms at 100 subscribers and <= 100 ms at 1,000.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAppSyncPublisher } from '@leaderboard/functions/rebuild/publisher';
import { WebSocketServer } from 'ws';
import { startBenchStack } from './support/bench-stack.ts';
import { machineLine, parseOptions, percentile, round, table } from './support/stats.ts';

const options = parseOptions(process.argv.slice(2));
const counts = (options['subscribers'] ?? '100,1000').split(',').map(Number);
const publishes = Number(options['publishes'] ?? 20);
const warmUpPublishes = 3;
/** How long each measured publish call took to be answered (the mutation's own path). */
let publishCallMs: number[] = [];
const targets: Record<number, number> = { 100: 50, 1000: 100 };
// The bench's own stack records no activity, so nothing else publishes to this board meanwhile.
const boardId = 'global';

interface Clients {
  readonly child: ChildProcessWithoutNullStreams;
  report(): Promise<Array<[number, number]>>;
}

async function startClients(request: Record<string, unknown>): Promise<Clients> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/fanout-clients.ts'), JSON.stringify(request)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const ready = await Promise.race([
    nextLine(),
    new Promise<string>((resolve) => child.once('exit', () => resolve(`exited: ${errors.slice(-1000)}`))),
  ]);
  if (ready !== 'ready') throw new Error(`subscribers did not start: ${ready}`);
  return {
    child,
    async report() {
      child.stdin.write('report\n');
      return JSON.parse(await nextLine()) as Array<[number, number]>;
    },
  };
}

function leaderboard(version: number) {
  return {
    boardId,
    version,
    asOf: new Date().toISOString(),
    entries: Array.from({ length: 100 }, (_, index) => ({
      rank: index + 1,
      previousRank: index + 1,
      userId: `user-${index}`,
      displayName: `User ${index}`,
      score: 10_000 - index * 7,
    })),
  };
}

/** Publishes `publishes` versions 150 ms apart; returns, per version, when its publish was sent. */
async function publishAll(
  publish: (version: number) => Promise<void>,
  firstVersion: number,
  count = publishes,
): Promise<Map<number, number>> {
  const sentAt = new Map<number, number>();
  for (let index = 0; index < count; index += 1) {
    const version = firstVersion + index;
    const sent = Date.now();
    sentAt.set(version, sent);
    await publish(version);
    if (count === publishes) publishCallMs.push(Date.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return sentAt;
}

function latencies(
  sentAt: Map<number, number>,
  receipts: Array<[number, number]>,
  expected: number,
): { values: number[]; missing: number } {
  const values = receipts.flatMap(([version, at]) => {
    const sent = sentAt.get(version);
    return sent === undefined ? [] : [at - sent];
  });
  return { values, missing: expected - values.length };
}

console.log(`fan-out: ${machineLine()}`);
const bench = await startBenchStack();
const raw = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((resolve) => raw.once('listening', resolve));
try {
  const { stack } = bench;
  const rebuilder = stack.identities.functions['RebuilderFunction']!;
  const publisher = createAppSyncPublisher({
    url: stack.graphqlUrl,
    region: stack.region,
    credentials: rebuilder.credentials,
  });
  const rawUrl = `ws://127.0.0.1:${(raw.address() as { port: number }).port}`;
  // Measure a settled stack: the schedule's first rebuilder invocation starts its environment
  // (loading its code takes the two cores for a while) within the first minute.
  const rebuilderStarted = Date.now() + 75_000;
  while (
    (bench.functionUsage['RebuilderFunction']?.starts.length ?? 0) === 0 &&
    Date.now() < rebuilderStarted
  )
    await new Promise((resolve) => setTimeout(resolve, 250));
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const rows: string[][] = [];
  let version = 1;
  for (const count of counts) {
    const appsync = await startClients({
      mode: 'appsync',
      url: stack.realtimeUrl,
      count,
      apiKey: stack.apiKey,
      host: new URL(stack.graphqlUrl).host,
      boardId,
    });
    // Warm-up publishes (not counted): the first ones pay for loading and first-time checks.
    await publishAll((v) => publisher(leaderboard(v)), version, warmUpPublishes);
    version += warmUpPublishes;
    const api = await publishAll((v) => publisher(leaderboard(v)), version);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const apiFigures = latencies(api, await appsync.report(), count * publishes);
    const callP50 = percentile(publishCallMs, 0.5);
    publishCallMs = [];
    version += publishes;

    const bare = await startClients({ mode: 'raw', url: rawUrl, count });
    const broadcast = async (v: number) => {
      const message = JSON.stringify({
        type: 'data',
        id: 's',
        payload: { data: { onLeaderboardChanged: leaderboard(v) } },
      });
      for (const client of raw.clients) client.send(message);
    };
    await publishAll(broadcast, version, warmUpPublishes);
    version += warmUpPublishes;
    const floor = await publishAll(broadcast, version);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const floorFigures = latencies(floor, await bare.report(), count * publishes);
    version += publishes;

    const p95 = percentile(apiFigures.values, 0.95);
    const target = targets[count];
    rows.push([
      String(count),
      `${round(percentile(apiFigures.values, 0.5))} / ${round(p95)}`,
      String(apiFigures.missing),
      `${round(percentile(floorFigures.values, 0.5))} / ${round(percentile(floorFigures.values, 0.95))}`,
      `${round(p95 / percentile(floorFigures.values, 0.95), 2)}x`,
      target === undefined
        ? '-'
        : `${p95 <= target && apiFigures.missing === 0 ? 'met' : 'missed'} (<= ${target} ms)`,
    ]);
    console.log(
      `  ${count} subscribers: p95 ${round(p95)} ms; the publish call itself answered in ${round(callP50)} ms (p50)`,
    );
  }
  console.log(
    table(
      [
        'subscribers',
        'AppSync API p50 / p95 ms',
        'not received',
        'bare ws p50 / p95 ms',
        'p95 ratio',
        'target',
      ],
      rows,
    ),
  );
} finally {
  raw.close();
  await bench.stop();
}
