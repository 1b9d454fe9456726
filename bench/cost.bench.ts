/**
 * Cost: what a run of the whole stack would be billed in the cloud, counted outside the code
 * under test (the IAM gateway's observer for every DynamoDB, Streams and SQS call with the
 * capacity DynamoDB Local reports; the API's usage hook; each Lambda timed from outside), turned
 * into dollars per million activities at on-demand prices (us-east-1, read 2026-11-26):
 *
 * - DynamoDB on-demand: $0.625 per million write request units, $0.125 per million read request
 *   units; transactions bill each item twice; Streams $0.02 per 100,000 read request units
 *   (https://aws.amazon.com/dynamodb/pricing/on-demand/)
 * - AppSync: $4.00 per million query and mutation operations, $2.00 per million real-time
 *   updates, $0.08 per million connection-minutes (https://aws.amazon.com/appsync/pricing/)
 * - Lambda (x86): $0.20 per million requests, $0.0000166667 per GB-second
 *   (https://aws.amazon.com/lambda/pricing/)
 * - SQS standard: $0.40 per million requests (https://aws.amazon.com/sqs/pricing/)
 * - EventBridge Pipes: $0.40 per million requests after filtering
 *   (https://aws.amazon.com/eventbridge/pricing/)
 *
 * Next to it, the seed's design computed the same way: its rebuild scanned every total of a
 * board on every rebuild; that line replaces ours (the rebuilder's own reads) for `--users`
 * users per board. Everything else is the same run.
 *
 *   pnpm exec tsx bench/cost.bench.ts [--rate=20] [--seconds=120] [--users=400] [--burst=1] [--batch=1] [--dashboards=3] [--board-users=100000]
 *
 * Each user records one activity before the run (they have totals, as employees in service do).
 * `--burst=K` has each user record K activities in a row (a phone syncing what it kept offline),
 * which the worker coalesces when they reach it in one batch. `--batch=K` sends each user's K
 * activities in one `recordActivities` call instead (the same phone, syncing in one request);
 * `--rate` stays activities per second.
 *
 * Target: <= $10 per million activities with auth, exactly-once and three boards.
 */
import { RealtimeTestClient } from 'appsync-local/testing';
import { startBenchStack } from './support/bench-stack.ts';
import { runLoadProcess } from './support/load-process.ts';
import { machineLine, parseOptions, round, table } from './support/stats.ts';
import { ProcessCpu } from './support/process-cpu.ts';
import { UsageMeter } from './support/usage-meter.ts';

const options = parseOptions(process.argv.slice(2));
const rate = Number(options['rate'] ?? 20);
const durationMs = Number(options['seconds'] ?? 120) * 1000;
const users = Number(options['users'] ?? 400);
const dashboards = Number(options['dashboards'] ?? 3);
const burst = Number(options['burst'] ?? 1);
const batch = Number(options['batch'] ?? 1);
/** Users on a board, for the seed's scan rebuild. */
const boardUsers = Number(options['board-users'] ?? 100_000);
const target = 10;

const price = {
  writeUnit: 0.625e-6,
  readUnit: 0.125e-6,
  streamsRead: 0.02 / 100_000,
  appsyncOperation: 4e-6,
  realtimeMessage: 2e-6,
  connectionMinute: 0.08e-6,
  lambdaRequest: 0.2e-6,
  gbSecond: 0.0000166667,
  sqsRequest: 0.4e-6,
  pipeRequest: 0.4e-6,
};

/** The handler file a function runs, as `ProcessCpu` labels its processes. */
const handlerFiles: Record<string, string> = {
  Worker: 'worker',
  Authorizer: 'authorizer',
  RebuilderFunction: 'rebuilder',
};

/** A total item as the worker stores it is about 250 bytes: a scan reads 4 KB per half unit (eventually consistent). */
const totalItemBytes = 250;

console.log(`cost: ${machineLine()}`);
const meter = new UsageMeter();
const bench = await startBenchStack({
  observe: { aws: { onExchange: meter.observeAws, measureCapacity: 'INDEXES' }, api: meter.observeApi },
});
const sockets: RealtimeTestClient[] = [];
try {
  const { stack } = bench;
  const auth = { 'x-api-key': stack.apiKey, host: new URL(stack.graphqlUrl).host };
  const subscription = `subscription Board($boardId: ID) { onLeaderboardChanged(boardId: $boardId) { boardId version entries { rank userId score } } }`;
  const week = `week:${isoWeek(new Date())}`;
  const month = `month:${new Date().toISOString().slice(0, 7)}`;
  for (let index = 0; index < dashboards; index += 1) {
    const client = await RealtimeTestClient.connect(stack.realtimeUrl, auth);
    await client.init();
    for (const boardId of ['global', week, month])
      await client.start(boardId, { query: subscription, variables: { boardId } }, auth);
    sockets.push(client);
  }
  const tokensFile = await bench.tokensFile('cost-user-', users);
  // Employees who already have totals, as in service: a user's first activity also creates their
  // totals and moves three histograms, which a run of new users would count on most activities.
  await runLoadProcess({
    mode: 'graphql',
    graphqlUrl: stack.graphqlUrl,
    tokensFile,
    concurrency: 0,
    rate,
    durationMs: (users / rate) * 1000,
    keyPrefix: 'cost-warm-',
  });
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  meter.reset();
  bench.resetUsage();
  const started = Date.now();
  const cpu = new ProcessCpu();
  const result = await runLoadProcess({
    mode: 'graphql',
    graphqlUrl: stack.graphqlUrl,
    tokensFile,
    concurrency: 0,
    rate: rate / batch,
    durationMs,
    keyPrefix: 'cost-',
    burst,
    ...(batch > 1 ? { batch } : {}),
  });
  // Let the pipeline and the rebuilder finish this run's activities (a rebuild minute at most).
  await new Promise((resolve) => setTimeout(resolve, 70_000));
  const elapsedMinutes = (Date.now() - started) / 60_000;
  const failedCalls = Object.values(result.failures).reduce((sum, count) => sum + count, 0);
  const activities = (result.calls - failedCalls) * batch;
  const lambdaCpuSeconds = new Map(
    cpu
      .finish()
      .filter((entry) => entry.label.startsWith('Lambda: '))
      .map((entry) => [entry.label.slice('Lambda: '.length), entry.cpuSeconds]),
  );
  report(activities, elapsedMinutes, result.failures, lambdaCpuSeconds);
} finally {
  await Promise.all(sockets.map((socket) => socket.close()));
  await bench.stop();
}

function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

interface Line {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly dollars: number;
}

function report(
  activities: number,
  minutes: number,
  failures: Record<string, number>,
  lambdaCpuSeconds: ReadonlyMap<string, number>,
): void {
  const perMillion = 1_000_000 / activities;
  const lines: Line[] = [];
  const add = (item: string, quantity: number, unit: string, unitPrice: number) =>
    lines.push({ item, quantity, unit, dollars: quantity * unitPrice * perMillion });
  let rebuilderReads = 0;
  let transactionIndexUnits = 0;
  for (const [key, line] of [...meter.dynamodb.entries()].sort()) {
    if (key.endsWith('TransactWriteItems')) transactionIndexUnits += line.indexWriteUnits;
    if (line.writeUnits + line.refusedWrites > 0)
      add(
        `DynamoDB writes: ${key}${line.indexWriteUnits > 0 ? ` (${round(line.indexWriteUnits, 1)} of them index writes)` : ''}`,
        line.writeUnits + line.refusedWrites,
        'WRU',
        price.writeUnit,
      );
    if (line.readUnits > 0) add(`DynamoDB reads: ${key}`, line.readUnits, 'RRU', price.readUnit);
    if (key.startsWith('RebuilderFunction')) rebuilderReads += line.readUnits;
  }
  const streams = [...meter.streamsRequests.values()].reduce((sum, count) => sum + count, 0);
  add('DynamoDB Streams reads (pipe)', streams, 'requests', price.streamsRead);
  add('EventBridge Pipes', meter.messagesSent, 'requests', price.pipeRequest);
  const sqs = [...meter.sqsRequests.values()].reduce((sum, count) => sum + count, 0);
  // The local event source mapping polls an empty queue every 100 ms; Lambda's long-polls (20 s).
  const cloudIdleReceives = 5 * 3 * minutes;
  add(
    'SQS requests (empty receives as Lambda long-polls them)',
    sqs - meter.emptyReceives + cloudIdleReceives,
    'requests',
    price.sqsRequest,
  );
  const operations = [...meter.appsyncOperations.values()].reduce((sum, count) => sum + count, 0);
  add(
    `AppSync operations (${[...meter.appsyncOperations.entries()].map(([name, count]) => `${name} ${count}`).join(', ')})`,
    operations,
    'requests',
    price.appsyncOperation,
  );
  add(
    `AppSync real-time messages (${dashboards} dashboards x 3 boards)`,
    meter.realtimeMessages,
    'messages',
    price.realtimeMessage,
  );
  add('AppSync connection-minutes', dashboards * minutes, 'minutes', price.connectionMinute);
  // Local wall time on a shared machine is far above what Lambda would bill; the functions' own CPU
  // time is below it (it leaves out waiting for DynamoDB). The total uses CPU time; wall time is shown.
  const wallDollars: string[] = [];
  for (const [name, usage] of Object.entries(bench.functionUsage)) {
    if (usage.invocations === 0) continue;
    const gb = usage.memoryMb / 1024;
    add(`Lambda ${name} requests`, usage.invocations, 'requests', price.lambdaRequest);
    const cpuSeconds = lambdaCpuSeconds.get(handlerFiles[name] ?? name) ?? 0;
    add(`Lambda ${name} duration (${usage.memoryMb} MB, CPU time)`, cpuSeconds * gb, 'GB-s', price.gbSecond);
    wallDollars.push(`${name} ${round((usage.durationMs / 1000) * gb * price.gbSecond * perMillion, 2)}`);
  }
  lines.sort((a, b) => b.dollars - a.dollars);
  const total = lines.reduce((sum, line) => sum + line.dollars, 0);
  console.log(
    `${activities} activities at ${rate}/s, ${batch > 1 ? `${batch} per recordActivities call` : `${burst} in a row per user`} (${round(minutes, 1)} min with the drain), failed: ${JSON.stringify(failures)}`,
  );
  console.log(
    table(
      ['item', 'in the run', 'unit', '$ per million activities'],
      lines.map((line) => [line.item, round(line.quantity, 1), line.unit, round(line.dollars, 3)]),
    ),
  );
  // The seed's rebuild: every total of each changed board read by a scan, every rebuild (our cadence's ticks).
  const rebuilds = bench.functionUsage['RebuilderFunction']?.invocations ?? 0;
  const ticksPerInvocation = 12;
  const scanUnitsPerRebuild = 3 * Math.ceil((boardUsers * totalItemBytes) / 4096) * 0.5;
  const scanDollars = rebuilds * ticksPerInvocation * scanUnitsPerRebuild * price.readUnit * perMillion;
  const ourRebuildDollars = rebuilderReads * price.readUnit * perMillion;
  const seedTotal = total - ourRebuildDollars + scanDollars;
  console.log(
    table(
      ['design', '$ per million activities', 'ratio'],
      [
        ['this design (sharded top-N rebuild)', round(total, 2), '1.00x'],
        [
          `seed design (scan rebuild, ${boardUsers.toLocaleString('en')} users per board, 3 boards, same ticks)`,
          round(seedTotal, 2),
          `${round(seedTotal / total, 2)}x`,
        ],
      ],
    ),
  );
  // AWS states the doubling for the items of a transaction, not for the index entries written from them.
  const indexDoubled = total + transactionIndexUnits * price.writeUnit * perMillion;
  console.log(
    `index writes caused by transactions: ${round(transactionIndexUnits, 1)} WRU, counted once; counted twice like the items, the total would be $${round(indexDoubled, 2)}`,
  );
  console.log(`Lambda duration priced at local wall time instead ($ per million): ${wallDollars.join(', ')}`);
  console.log(
    `target (<= $${target} per million): ${total <= target ? 'met' : 'missed'} ($${round(total, 2)})`,
  );
}
