/**
 * Replay against DynamoDB Local: 1,000 users' log with no aggregates at all (the Scores table
 * lost), replayed in pages, stopped and resumed, while the worker keeps applying new activities
 * of the same users. Afterwards every aggregate equals the sum of the log, worked out here by
 * plain addition; and a replay of aggregates the worker built itself changes nothing.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import { utcDayKey } from '@leaderboard/core/calendar';
import { encodeActivity, type StoredActivity } from '@leaderboard/core/items/activity';
import { encodeDailyPoints } from '@leaderboard/core/items/counters';
import { kindAttribute } from '@leaderboard/core/items/item';
import { itemKinds } from '@leaderboard/core/keys';
import { shardOf } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import { clearAllTables, testDynamo } from '@leaderboard/resolvers/test-support/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { BoardChangeMarker } from '../../src/aggregation/board-changes.ts';
import { continueReplay, startReplay, type ReplayDependencies } from '../../src/operations/replay.ts';
import { chunks } from '../support/activities.ts';
import { deliveringWorker, insertMessage, scanTable } from '../support/operations.ts';

const users = 1_000;
const teams = ['red', 'green', 'blue'];
const types = [
  { type: 'running', points: 40 },
  { type: 'steps', points: 25 },
  { type: 'yoga', points: 15 },
];
const day = 86_400_000;
const shards = serviceConfig.scoreShards;

/** The n-th activity of a user: spread over 40 days, teams, types and the program. */
function activity(userIndex: number, n: number, processed: boolean, recordedAtMs: number): StoredActivity {
  const type = types[(userIndex + n) % types.length]!;
  const occurredAtMs = Date.UTC(2026, 9, 1) + ((userIndex * 7 + n * 13) % 40) * day + n * 1000;
  const inProgram = (userIndex + n) % 2 === 0;
  return {
    key: `k${n}-${recordedAtMs}`,
    id: `a-${userIndex}-${n}-${recordedAtMs}`,
    userId: `user-${userIndex}`,
    displayName: `User ${userIndex}`,
    type: type.type,
    quantity: 1,
    points: type.points + (userIndex % 5),
    basePoints: type.points + (userIndex % 5),
    programId: inProgram ? 'spring' : null,
    teamId: teams[userIndex % teams.length]!,
    occurredAt: new Date(occurredAtMs).toISOString(),
    recordedAt: new Date(recordedAtMs).toISOString(),
    idempotencyKey: null,
    processedAt: processed ? new Date(recordedAtMs + 500).toISOString() : null,
    ...(processed ? { countedForProgram: inProgram } : {}),
  };
}

async function writeAll(
  documentClient: DynamoDBDocumentClient,
  table: string,
  items: Record<string, unknown>[],
) {
  for (const wave of chunks(chunks(items, 25), 8)) {
    await Promise.all(
      wave.map(async (chunk) => {
        let pending = chunk.map((item) => ({ PutRequest: { Item: item } }));
        while (pending.length > 0) {
          const result = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { [table]: pending } }),
          );
          pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
        }
      }),
    );
  }
}

type Sums = Record<string, number>;
const add = (sums: Sums, key: string, value: number) => {
  sums[key] = (sums[key] ?? 0) + value;
};

/** Every aggregate by plain addition over the log's counted activities. */
function sumsOfLog(log: readonly Record<string, unknown>[]) {
  const totals: Sums = {};
  const teamPoints: Sums = {};
  const progress: Sums = {};
  const members = new Set<string>();
  for (const item of log) {
    if (item[kindAttribute] !== itemKinds.activity || !item['processedAt'] || item['reversedAt']) continue;
    const points = item['points'] as number;
    const userId = item['userId'] as string;
    const forProgram = item['countedForProgram'] === true;
    const boards = boardsForActivity({
      programId: forProgram ? (item['programId'] as string) : null,
      occurredAtMs: Date.parse(item['occurredAt'] as string),
    });
    for (const boardId of boards) {
      add(totals, `${userId} ${boardId}`, points);
      add(teamPoints, `${boardId} ${item['teamId']}`, points);
      members.add(`${boardId} ${item['teamId']} ${userId}`);
    }
    if (forProgram) {
      add(progress, `${userId} points`, points);
      add(progress, `${userId} activities`, 1);
    }
  }
  const teamMembers: Sums = {};
  for (const member of members) add(teamMembers, member.split(' ').slice(0, 2).join(' '), 1);
  const histograms: Sums = {};
  for (const [key, score] of Object.entries(totals)) {
    const [userId, boardId] = key.split(' ') as [string, string];
    add(histograms, `${boardId} ${shardOf(userId, shards)} ${scoreBucket(score)}`, 1);
  }
  return { totals, teamPoints, teamMembers, progress, histograms };
}

/** The same figures as the Scores table holds them. */
function storedSums(items: readonly Record<string, unknown>[]) {
  const totals: Sums = {};
  const teamPoints: Sums = {};
  const teamMembers: Sums = {};
  const progress: Sums = {};
  const histograms: Sums = {};
  for (const item of items) {
    const kind = item[kindAttribute];
    if (kind === itemKinds.total) totals[`${item['userId']} ${item['boardId']}`] = item['score'] as number;
    if (kind === itemKinds.teamCounter) {
      add(teamPoints, `${item['boardId']} ${item['teamId']}`, item['points'] as number);
      add(teamMembers, `${item['boardId']} ${item['teamId']}`, item['members'] as number);
    }
    if (kind === itemKinds.progress) {
      progress[`${item['userId']} points`] = item['points'] as number;
      progress[`${item['userId']} activities`] = item['activities'] as number;
    }
    if (kind === itemKinds.scoreHistogram) {
      for (const [name, count] of Object.entries(item))
        if (/^b\d+$/.test(name) && count !== 0)
          add(histograms, `${item['boardId']} ${item['shard']} ${name.slice(1)}`, count as number);
    }
  }
  return { totals, teamPoints, teamMembers, progress, histograms };
}

describe('replay', () => {
  const { documentClient } = testDynamo();
  const deps: ReplayDependencies = {
    documentClient,
    tables: { activities: activitiesTable.name, scores: scoresTable.name },
    // DynamoDB Local updates its indexes with the table: nothing to wait for.
    config: { ...serviceConfig, historyIndexLagSeconds: 0 },
    boardChanges: new BoardChangeMarker({ documentClient, scoresTable: scoresTable.name, ttlSeconds: 3600 }),
  };
  const deliver = deliveringWorker(documentClient);

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring', { pointsGoal: 100 })]);
  });

  it('rebuilds 1,000 users from the log alone while new activities keep arriving', async () => {
    const start = Date.now() - 30 * day;
    const log = Array.from({ length: users }, (_, userIndex) =>
      [0, 1].map((n) => encodeActivity(activity(userIndex, n, true, start + userIndex * 1000 + n))),
    ).flat();
    await writeAll(documentClient, activitiesTable.name, log);

    // The worker's side: activities of the same users recorded and applied during the replay.
    let replaying = true;
    const arrivals = (async () => {
      let n = 2;
      while (replaying) {
        const batch = Array.from({ length: 10 }, (_, index) =>
          encodeActivity(activity((n * 97 + index * 31) % users, n, false, Date.now() + index)),
        );
        await writeAll(documentClient, activitiesTable.name, batch);
        expect(await deliver(batch.map(insertMessage))).toEqual([]);
        n += 1;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return n - 2;
    })();

    let finished;
    try {
      const run = await startReplay(deps, { startedBy: 'test-operator', reason: 'Scores table lost' });
      // Stopped after its first page, as a job whose invocation ended; resumed from where it was.
      const stopped = await continueReplay(deps, run.runId, (progress) => progress.pages < 1);
      expect(stopped).toMatchObject({ phase: 'log', pages: 1 });
      finished = await continueReplay(deps, run.runId, () => true);
    } finally {
      replaying = false;
    }
    expect(await arrivals).toBeGreaterThan(0);
    expect(finished).toMatchObject({ phase: 'done', usersReplayed: users, usersChanged: users });

    const expected = sumsOfLog(await scanTable(documentClient, activitiesTable.name));
    const stored = storedSums(await scanTable(documentClient, scoresTable.name));
    expect(Object.keys(stored.totals).length).toBe(Object.keys(expected.totals).length);
    expect(stored.totals).toEqual(expected.totals);
    expect(stored.teamPoints).toEqual(expected.teamPoints);
    expect(stored.teamMembers).toEqual(expected.teamMembers);
    expect(stored.progress).toEqual(expected.progress);
    expect(stored.histograms).toEqual(expected.histograms);
    // A loaded machine runs DynamoDB Local far slower than an idle one.
  }, 300_000);

  it('scores the log again by the current catalog first, when asked, then rebuilds from it', async () => {
    // Scored by an old rule of twice the points: 200, then 100 and 0 under the day's cap of 300.
    const occurredAt = new Date(Date.now() - day).toISOString();
    const recorded = (n: number, quantity: number, points: number) =>
      encodeActivity({
        ...activity(0, n, true, Date.now() - day + n * 1000),
        type: 'steps',
        quantity,
        basePoints: quantity / 50,
        points,
        occurredAt,
        programId: null,
        countedForProgram: false,
      });
    const log = [recorded(0, 10_000, 200), recorded(1, 10_000, 100), recorded(2, 5_000, 0)];
    await writeAll(documentClient, activitiesTable.name, [
      ...log,
      encodeDailyPoints({
        userId: 'user-0',
        day: utcDayKey(Date.parse(occurredAt)),
        type: 'steps',
        points: 300,
        expiresAt: 0,
      }),
    ]);
    const run = await startReplay(deps, {
      startedBy: 'test-operator',
      reason: 'Steps scored twice',
      rescore: true,
    });
    const finished = await continueReplay(deps, run.runId, () => true);
    expect(finished).toMatchObject({ phase: 'done', activitiesRescored: 3, usersChanged: 1 });

    const items = await scanTable(documentClient, activitiesTable.name);
    const points = (key: unknown) => items.find((item) => item['pk'] === key)!['points'];
    expect(log.map((item) => points(item['pk']))).toEqual([100, 100, 50]);
    expect(items.find((item) => item[kindAttribute] === itemKinds.dailyPoints)).toMatchObject({
      points: 250,
    });
    const stored = storedSums(await scanTable(documentClient, scoresTable.name));
    expect(stored.totals['user-0 global']).toBe(250);
  });

  it('changes nothing when the aggregates already match the log', async () => {
    const start = Date.now() - 30 * day;
    const log = Array.from({ length: 60 }, (_, userIndex) =>
      [0, 1, 2].map((n) => encodeActivity(activity(userIndex, n, false, start + userIndex * 1000 + n))),
    ).flat();
    await writeAll(documentClient, activitiesTable.name, log);
    for (const batch of chunks(log, 10)) expect(await deliver(batch.map(insertMessage))).toEqual([]);
    const aggregates = (items: Record<string, unknown>[]) =>
      items.filter((item) =>
        [itemKinds.total, itemKinds.progress, itemKinds.teamCounter, itemKinds.scoreHistogram].includes(
          item[kindAttribute] as never,
        ),
      );
    const live = aggregates(await scanTable(documentClient, scoresTable.name));

    const run = await startReplay(deps, { startedBy: 'test-operator', reason: 'Checking' });
    const finished = await continueReplay(deps, run.runId, () => true);
    expect(finished).toMatchObject({ phase: 'done', usersReplayed: 60, usersChanged: 0 });
    expect(aggregates(await scanTable(documentClient, scoresTable.name))).toEqual(live);
  });
});
