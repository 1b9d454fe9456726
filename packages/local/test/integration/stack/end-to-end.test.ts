/**
 * The whole service as `pnpm start` runs it, on free ports with its own DynamoDB Local:
 * a dashboard subscribes with AppSync's client library, users record activities through
 * GraphQL with tokens from the local issuer, and the ranking arrives through the stream
 * pipe, the queue, the worker and the scheduled rebuilder.
 */
import { activityCatalog, activitiesQueue, pointsFor } from '@leaderboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { isProcessAlive } from '../../../src/stack/stack-file.ts';
import {
  dashboardClient,
  myStandingQuery,
  postGraphQL,
  recordActivityMutation,
  subscribe,
  until,
} from './stack-test-kit.ts';

const schedulePeriodMs = 2_000;
/** The pipe's and the worker's batching windows: records wait at most this long in each. */
const pipelineWindowsMs = (activitiesQueue.source.windowSeconds + activitiesQueue.batch.windowSeconds) * 1000;

interface LeaderboardEvent {
  onLeaderboardChanged: {
    boardId: string;
    version: number;
    entries: Array<{ rank: number; userId: string; score: number }>;
  };
}

const definition = (type: string) => {
  const found = activityCatalog.find((candidate) => candidate.type === type);
  if (!found) throw new Error(`no activity type ${type}`);
  return found;
};

const plan: ReadonlyArray<{ user: string; type: string; quantity: number }> = [
  { user: 'alice', type: 'running', quantity: 30 },
  { user: 'bob', type: 'cycling', quantity: 20 },
  { user: 'carol', type: 'swimming', quantity: 10 },
  { user: 'carol', type: 'yoga', quantity: 15 },
  { user: 'dave', type: 'workout', quantity: 1 },
  { user: 'bob', type: 'steps', quantity: 2_000 },
];

let stack: LocalStack;
let startedAt: number;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ rebuildIntervalMs: schedulePeriodMs, log: (line) => logLines.push(line) });
  startedAt = Date.now();
}, 60_000);

afterAll(async () => {
  const javaPid = stack?.dynamoPid;
  await stack?.stop();
  if (javaPid !== undefined) expect(isProcessAlive(javaPid)).toBe(false);
});

describe('the local stack end to end', () => {
  it('pushes the expected ranking to a subscribed dashboard within two schedule periods', async () => {
    const dashboard = dashboardClient(stack.graphqlUrl, stack.apiKey, stack.region);
    const watch = subscribe<LeaderboardEvent>(
      dashboard,
      `subscription Watch($boardId: ID) {
        onLeaderboardChanged(boardId: $boardId) { boardId version entries { rank userId score } }
      }`,
      { boardId: 'global' },
    );
    await until(() => stack.subscriptionCount() === 1, 'the dashboard subscription', 10_000);

    const tokens = new Map<string, string>();
    for (const user of new Set(plan.map((step) => step.user))) {
      tokens.set(user, await stack.mintToken({ sub: user, name: user.toUpperCase() }));
    }
    // As a person would: the first activity comes seconds after start-up, when DynamoDB Local
    // answers an iterator taken on the still-empty stream with TrimmedDataAccessException.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 3_500 - Date.now())));
    const expected = new Map<string, number>();
    for (const step of plan) {
      const response = await postGraphQL<{ recordActivity: { userId: string; points: number } }>(
        stack.graphqlUrl,
        recordActivityMutation,
        { input: { type: step.type, quantity: step.quantity } },
        { authorization: tokens.get(step.user) ?? '' },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.recordActivity.userId).toBe(step.user);
      const points = pointsFor(definition(step.type), step.quantity);
      expect(response.data?.recordActivity.points).toBe(points);
      expected.set(step.user, (expected.get(step.user) ?? 0) + points);
    }
    const recordedAt = Date.now();
    // The plan has no tied scores, so the order is by score alone.
    expect(new Set(expected.values()).size).toBe(expected.size);
    const expectedRanking = [...expected.entries()]
      .sort(([, scoreA], [, scoreB]) => scoreB - scoreA)
      .map(([userId, score], index) => ({ rank: index + 1, userId, score }));

    const budgetMs = pipelineWindowsMs + 2 * schedulePeriodMs;
    const matches = (event: { data?: LeaderboardEvent }) =>
      JSON.stringify(
        event.data?.onLeaderboardChanged.entries.map(({ rank, userId, score }) => ({ rank, userId, score })),
      ) === JSON.stringify(expectedRanking);
    await until(
      () => watch.received.some(matches),
      'the expected ranking on the subscription',
      budgetMs + 10_000,
    ).catch((error: unknown) => {
      throw new Error(
        `${(error as Error).message}\nreceived: ${JSON.stringify(watch.received)}\nexpected: ${JSON.stringify(expectedRanking)}\nlog:\n${logLines.join('\n')}`,
      );
    });
    const arrival = watch.received.find(matches);
    const latencyMs = (arrival?.at ?? 0) - recordedAt;
    console.info(
      `ranking reached the dashboard ${latencyMs} ms after the last activity (budget ${budgetMs} ms)`,
    );
    expect(latencyMs).toBeLessThanOrEqual(budgetMs);
    expect(watch.received.every((event) => event.error === undefined)).toBe(true);
    expect(arrival?.data?.onLeaderboardChanged.boardId).toBe('global');

    // The snapshot a late dashboard reads is the one that was pushed.
    const board = await postGraphQL<{
      leaderboard: { version: number; entries: Array<{ rank: number; userId: string; score: number }> };
    }>(
      stack.graphqlUrl,
      'query { leaderboard(boardId: "global") { version entries { rank userId score } } }',
      {},
      { 'x-api-key': stack.apiKey },
    );
    expect(board.data?.leaderboard.entries).toEqual(expectedRanking);
    expect(board.data?.leaderboard.version).toBe(arrival?.data?.onLeaderboardChanged.version);

    // Each user sees their own total and rank.
    const carol = await postGraphQL<{ myStanding: { score: number; rank: number } }>(
      stack.graphqlUrl,
      myStandingQuery,
      { boardId: 'global' },
      { authorization: tokens.get('carol') ?? '' },
    );
    expect(carol.data?.myStanding).toMatchObject({
      score: expected.get('carol'),
      rank: expectedRanking.find((entry) => entry.userId === 'carol')?.rank,
    });
    watch.unsubscribe();
    await dashboard.stop?.();
    expect(logLines.filter((line) => /ERROR|failed/i.test(line))).toEqual([]);
  });
});
