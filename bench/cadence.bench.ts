/**
 * Cadence: from `recordActivity`'s answer to a dashboard receiving the new ranking over the
 * real-time API, with the cloud's settings (the rebuilder invoked once a minute, ticking every
 * 5 s inside its invocation). Next to it, measured on the same activities, the lag to the
 * activity counted in the totals (the pipeline's part, the baseline the rebuild adds to).
 *
 *   pnpm exec tsx bench/cadence.bench.ts [--samples=16]
 *
 * Each sample is a new user's activity (so the ranking changes), recorded at a random moment
 * (0-7 s after the previous one was received) so samples fall at every phase of the tick.
 * Target: p95 <= 10 s.
 */
import { RealtimeTestClient } from 'appsync-local/testing';
import { CountedActivities } from './support/counted-activities.ts';
import { startBenchStack } from './support/bench-stack.ts';
import { machineLine, parseOptions, percentile, round, table } from './support/stats.ts';

const options = parseOptions(process.argv.slice(2));
const samples = Number(options['samples'] ?? 16);
const targetP95Ms = 10_000;
const subscription = `subscription Board($boardId: ID) {
  onLeaderboardChanged(boardId: $boardId) { boardId version entries { userId score rank } }
}`;
const mutation = `mutation Record($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;

/** A slow sample against the rebuilder's invocations and what the stack logged meanwhile. */
function explainSlowSample(answeredAt: number, receivedAt: number): void {
  const usage = bench.functionUsage['RebuilderFunction'];
  const starts = (usage?.starts ?? []).filter((start) => start >= answeredAt - 70_000 && start <= receivedAt);
  const ends = (usage?.windows ?? [])
    .map(([, end]) => end)
    .filter((end) => end >= answeredAt - 70_000 && end <= receivedAt);
  console.log(
    `    rebuilder invocations relative to the answer: started ${starts.map((at) => at - answeredAt).join(', ')} ms; ended ${ends.map((at) => at - answeredAt).join(', ')} ms`,
  );
  for (const line of bench.logLines.filter((text) => /Rebuilder|rebuild|schedule/i.test(text)).slice(-5))
    console.log(`    log: ${line.slice(0, 300)}`);
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

console.log(`cadence: ${machineLine()}`);
const counted = new CountedActivities();
const bench = await startBenchStack({ observe: { aws: { onExchange: counted.observe } } });
try {
  const { stack } = bench;
  const auth = { 'x-api-key': stack.apiKey, host: new URL(stack.graphqlUrl).host };
  const dashboard = await RealtimeTestClient.connect(stack.realtimeUrl, auth);
  await dashboard.init();
  await dashboard.start('global', { query: subscription, variables: { boardId: 'global' } }, auth);

  // The first scheduled invocation comes at the next minute: wait for it, as a deployed stack would have.
  await until(
    () => (bench.functionUsage['RebuilderFunction']?.starts.length ?? 0) > 0,
    'the first rebuild',
    75_000,
  );
  const toSubscriber: number[] = [];
  const toTotals: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 7000));
    const userId = `cadence-${index}`;
    const key = `cadence-${index}`;
    const token = await stack.mintToken({ sub: userId });
    const answer = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({
        query: mutation,
        variables: { input: { type: 'running', quantity: 5, idempotencyKey: key } },
      }),
    });
    const answeredAt = Date.now();
    const body = (await answer.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`recordActivity failed: ${JSON.stringify(body.errors)}`);
    const from = dashboard.messages.length;
    await dashboard.waitFor(
      (message) => message.type === 'data' && JSON.stringify(message.payload).includes(`"${userId}"`),
      90_000,
      from,
    );
    const receivedAt = Date.now();
    toSubscriber.push(receivedAt - answeredAt);
    const countedAt = counted.countedAt.get(key);
    if (countedAt !== undefined) toTotals.push(countedAt - answeredAt);
    console.log(`  sample ${index + 1}: subscriber after ${receivedAt - answeredAt} ms`);
    if (receivedAt - answeredAt > targetP95Ms) explainSlowSample(answeredAt, receivedAt);
  }
  await dashboard.close();
  const row = (name: string, values: number[]) => [
    name,
    String(values.length),
    round(percentile(values, 0.5)),
    round(percentile(values, 0.95)),
    round(Math.max(...values)),
  ];
  console.log(
    table(
      ['answer to', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
      [row('totals counted (baseline)', toTotals), row('subscriber has the new ranking', toSubscriber)],
    ),
  );
  const p95 = percentile(toSubscriber, 0.95);
  console.log(
    `rebuild and publish add ${round(p95 - percentile(toTotals, 0.95))} ms at p95 (${round(p95 / percentile(toTotals, 0.95), 2)}x the baseline)`,
  );
  console.log(`target (p95 <= ${targetP95Ms} ms): ${p95 <= targetP95Ms ? 'met' : 'missed'}`);
} finally {
  await bench.stop();
}
