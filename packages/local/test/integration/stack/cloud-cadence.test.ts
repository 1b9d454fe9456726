/**
 * The stack with the cloud's schedule and cadence (no local override): the rebuilder is invoked
 * once a minute and ticks every few seconds inside, so an activity reaches a dashboard within
 * seconds, and stopping the stack ends a ticking invocation instead of waiting for it.
 */
import { activitiesQueue, rebuildCadence } from '@leaderboard/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { dashboardClient, postGraphQL, recordActivityMutation, subscribe, until } from './stack-test-kit.ts';

let stack: LocalStack | undefined;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ log: (line) => logLines.push(line) });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

interface Changed {
  onLeaderboardChanged: { entries: Array<{ userId: string; score: number }> };
}

it('publishes an activity within a tick and the pipeline windows, then stops promptly', async () => {
  const live = stack!;
  const dashboard = dashboardClient(live.graphqlUrl, live.apiKey, live.region);
  const watch = subscribe<Changed>(
    dashboard,
    'subscription W($b: ID) { onLeaderboardChanged(boardId: $b) { entries { userId score } } }',
    { b: 'global' },
  );
  await until(() => live.subscriptionCount() === 1, 'the subscription', 10_000);
  // Past the first invocation's first tick, so the publish comes from a later tick of it.
  await new Promise((resolve) => setTimeout(resolve, (rebuildCadence.tickSeconds + 1) * 1000));
  const token = await live.mintToken({ sub: 'cadence-user', name: 'Cadence' });
  const response = await postGraphQL(
    live.graphqlUrl,
    recordActivityMutation,
    { input: { type: 'workout', quantity: 1 } },
    { authorization: token },
  );
  expect(response.errors).toBeUndefined();
  const recordedAt = Date.now();
  const budgetMs =
    (rebuildCadence.tickSeconds +
      activitiesQueue.source.windowSeconds +
      activitiesQueue.batch.windowSeconds) *
      1000 +
    // Polling and the rebuild itself, on a loaded two-core machine.
    6_000;
  await until(
    () =>
      watch.received.some((event) => event.data?.onLeaderboardChanged.entries[0]?.userId === 'cadence-user'),
    'the new ranking on the subscription',
    budgetMs,
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\nlog:\n${logLines.join('\n')}`);
  });
  console.info(`published ${Date.now() - recordedAt} ms after the answer (budget ${budgetMs} ms)`);
  expect(live.rebuilder.runCount).toBe(0);
  watch.unsubscribe();
  await dashboard.stop?.();

  const stopping = Date.now();
  await live.stop();
  stack = undefined;
  expect(Date.now() - stopping).toBeLessThan(10_000);
});
