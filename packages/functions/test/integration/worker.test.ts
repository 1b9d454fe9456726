import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import { activityKey } from '@leaderboard/core/items/activity';
import { progressKey } from '@leaderboard/core/items/progress';
import { totalKey } from '@leaderboard/core/items/total';
import { boardChangePartition } from '@leaderboard/core/items/board-change';
import { changeSlot, itemKinds } from '@leaderboard/core/keys';
import { canonicalTimestamp, encodeRankKey, scoreShardKey, shardOf } from '@leaderboard/core/ranking';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chunks,
  lambdaContext,
  sqsEvent,
  sqsRecord,
  storeActivities,
  streamMessageBody,
  type TestActivity,
} from '../support/activities.ts';
import { asBatchHandler, deliverUntilDone } from '../support/delivery.ts';
import { clearAllTables, itemsOfKind, localCredentials, localRegion, testDynamo } from '../support/local.ts';
import { testWorker } from '../support/worker.ts';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';

const context = lambdaContext('worker');
const base = Date.parse('2026-11-16T08:00:00Z');
const iso = (offsetMs: number) => canonicalTimestamp(base + offsetMs);

/** 90 activities of 12 users over 2 programs and 2 ISO weeks, a few capped to 0 points. */
function sampleActivities(): TestActivity[] {
  const activities: TestActivity[] = [];
  for (let index = 0; index < 90; index += 1) {
    const userId = `user-${index % 12}`;
    activities.push({
      id: `a${index}`,
      userId,
      type: 'running',
      points: index % 15 === 0 ? 0 : 1 + ((index * 7) % 23),
      ...(index % 3 === 0 ? {} : { programId: index % 3 === 1 ? 'spring' : 'summer' }),
      occurredAt: iso((index % 2) * 7 * 86_400_000 + index * 1000),
      recordedAt: iso(8 * 86_400_000 + ((index * 37) % 90) * 1000),
    });
  }
  return activities;
}

interface ExpectedTotal {
  score: number;
  reachedAt: string;
}

function expectedTotals(activities: readonly TestActivity[]): Map<string, ExpectedTotal> {
  const totals = new Map<string, ExpectedTotal>();
  for (const activity of activities) {
    if (activity.points === 0) continue;
    for (const boardId of boardsForActivity({
      programId: activity.programId ?? null,
      occurredAtMs: Date.parse(activity.occurredAt),
    })) {
      const key = `${activity.userId}|${boardId}`;
      const before = totals.get(key);
      totals.set(key, {
        score: (before?.score ?? 0) + activity.points,
        reachedAt: before && before.reachedAt > activity.recordedAt ? before.reachedAt : activity.recordedAt,
      });
    }
  }
  return totals;
}

/** A document client on DynamoDB Local that counts the TransactWriteItems requests it sends. */
function countingTransactions(endpoint: string) {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  let transactions = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') transactions += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countTransactions' },
  );
  return {
    documentClient: DynamoDBDocumentClient.from(client),
    transactions: () => transactions,
    destroy: () => client.destroy(),
  };
}

describe('worker', () => {
  const { documentClient } = testDynamo();

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring'), testProgram('summer')]);
  });

  it('keeps every total and progress exact when each activity arrives 3 times in shuffled batches', async () => {
    const activities = sampleActivities();
    await storeActivities(documentClient, activities);
    const bodies = activities.flatMap((activity, index) =>
      [0, 1, 2].map((copy) => streamMessageBody(activity, index * 3 + copy)),
    );
    const instances = [testWorker(documentClient), testWorker(documentClient), testWorker(documentClient)];
    await deliverUntilDone(
      instances.map((instance) => asBatchHandler(instance.handler)),
      bodies,
      7,
    );

    const expected = expectedTotals(activities);
    const stored = await itemsOfKind(documentClient, scoresTable.name, itemKinds.total);
    expect(stored).toHaveLength(expected.size);
    for (const [key, total] of expected) {
      const [userId, boardId] = key.split('|') as [string, string];
      const item = (
        await documentClient.send(
          new GetCommand({ TableName: scoresTable.name, Key: totalKey(userId, boardId) }),
        )
      ).Item;
      expect(item, key).toMatchObject({
        score: total.score,
        reachedAt: total.reachedAt,
        rankKey: encodeRankKey({ userId, score: total.score, reachedAt: total.reachedAt }),
        shardKey: scoreShardKey(boardId, shardOf(userId, serviceConfig.scoreShards)),
        userId,
        boardId,
        displayName: `Name ${userId}`,
      });
    }

    for (const userId of new Set(activities.map((activity) => activity.userId))) {
      for (const programId of ['spring', 'summer']) {
        const counted = activities.filter(
          (a) => a.userId === userId && a.programId === programId && a.points > 0,
        );
        const item = (
          await documentClient.send(
            new GetCommand({ TableName: scoresTable.name, Key: progressKey(userId, programId) }),
          )
        ).Item;
        expect(item?.['points'] ?? 0, `${userId} ${programId}`).toBe(
          counted.reduce((sum, a) => sum + a.points, 0),
        );
        expect(item?.['activities'] ?? 0).toBe(counted.length);
      }
    }

    for (const activity of activities) {
      const item = (
        await documentClient.send(
          new GetCommand({
            TableName: activitiesTable.name,
            Key: activityKey(activity.userId, activity.id),
          }),
        )
      ).Item;
      expect(item?.['processedAt']).toEqual(expect.any(String));
    }
  });

  it("applies a whole batch of one user's activities in one delivery, despite the records contending", async () => {
    const activities: TestActivity[] = Array.from({ length: 10 }, (_, index) => ({
      id: `same-${index}`,
      userId: 'busy',
      type: 'running',
      points: index + 1,
      programId: 'spring',
      occurredAt: iso(0),
      recordedAt: iso(index * 1000),
    }));
    await storeActivities(documentClient, activities);
    const { handler } = testWorker(documentClient);
    const response = await handler(
      sqsEvent(activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index)))),
      context,
    );
    expect(response.batchItemFailures).toEqual([]);
    const total = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: totalKey('busy', 'global') }),
    );
    expect(total.Item).toMatchObject({ score: 55, reachedAt: iso(9000) });
  });

  it("moves a user's aggregates once for all of a batch's activities that count alike, and exactly once on redelivery", async () => {
    await storePrograms(documentClient, [testProgram('goal', { pointsGoal: 10 })]);
    // Five of one week and program, one of the week before (other boards), one capped: two transactions.
    const activities: TestActivity[] = [
      ...Array.from({ length: 5 }, (_, index) => ({
        id: `c${index}`,
        userId: 'batcher',
        type: 'running',
        points: 3,
        programId: 'goal',
        occurredAt: iso(index * 1000),
        recordedAt: iso(10_000 + index * 1000),
      })),
      {
        id: 'older',
        userId: 'batcher',
        type: 'running',
        points: 4,
        programId: 'goal',
        occurredAt: iso(-7 * 86_400_000),
        recordedAt: iso(20_000),
      },
      {
        id: 'capped',
        userId: 'batcher',
        type: 'running',
        points: 0,
        occurredAt: iso(0),
        recordedAt: iso(21_000),
      },
    ];
    await storeActivities(documentClient, activities);
    const counted = countingTransactions(testDynamo().endpoint);
    const { handler } = testWorker(counted.documentClient);
    const records = activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index)));
    // The third record twice in the batch, as a redelivery can put it.
    const first = await handler(sqsEvent([...records, sqsRecord(records[2]!.body)]), context);
    expect(first.batchItemFailures).toEqual([]);
    expect(counted.transactions()).toBe(2);

    const late: TestActivity = {
      id: 'late',
      userId: 'batcher',
      type: 'running',
      points: 5,
      programId: 'goal',
      occurredAt: iso(9000),
      recordedAt: iso(30_000),
    };
    await storeActivities(documentClient, [late]);
    const again = await handler(sqsEvent([...records, sqsRecord(streamMessageBody(late, 99))]), context);
    expect(again.batchItemFailures).toEqual([]);

    const everything = [...activities, late];
    for (const [key, total] of expectedTotals(everything)) {
      const [userId, boardId] = key.split('|') as [string, string];
      const item = await documentClient.send(
        new GetCommand({ TableName: scoresTable.name, Key: totalKey(userId, boardId) }),
      );
      expect(item.Item, key).toMatchObject({ score: total.score, reachedAt: total.reachedAt });
    }
    const progress = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: progressKey('batcher', 'goal') }),
    );
    // The goal (10) was crossed by the fourth activity of the batch: it is reached when that one was recorded.
    expect(progress.Item).toMatchObject({ points: 24, activities: 7, completedAt: iso(13_000) });
    counted.destroy();
  });

  it("writes a batch of many users' activities in one transaction per set of distinct items, each score exact", async () => {
    const users = Array.from({ length: 10 }, (_, index) => `many-${index}`);
    const activities: TestActivity[] = users.map((userId, index) => ({
      id: `m${index}`,
      userId,
      type: 'running',
      points: 10 + index,
      occurredAt: iso(0),
      recordedAt: iso(index * 1000),
    }));
    await storeActivities(documentClient, activities);
    const counted = countingTransactions(testDynamo().endpoint);
    const { handler } = testWorker(counted.documentClient);
    const response = await handler(
      sqsEvent(activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index)))),
      context,
    );
    expect(response.batchItemFailures).toEqual([]);
    // New users move their shard's histograms: users of one shard cannot share a transaction.
    const perShard = new Map<number, number>();
    for (const userId of users) {
      const shard = shardOf(userId, serviceConfig.scoreShards);
      perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
    }
    expect(counted.transactions()).toBe(Math.max(...perShard.values()));
    for (const activity of activities) {
      const total = await documentClient.send(
        new GetCommand({ TableName: scoresTable.name, Key: totalKey(activity.userId, 'global') }),
      );
      expect(total.Item?.['score'], activity.userId).toBe(activity.points);
    }
    counted.destroy();
  });

  it('the week board of an activity is the ISO week of occurredAt', async () => {
    const activity: TestActivity = {
      id: 'w1',
      userId: 'u1',
      type: 'yoga',
      points: 5,
      occurredAt: '2026-01-04T23:30:00.000Z',
      recordedAt: '2026-01-05T00:10:00.000Z',
    };
    await storeActivities(documentClient, [activity]);
    const { handler } = testWorker(documentClient);
    await handler(sqsEvent([sqsRecord(streamMessageBody(activity, 1))]), context);
    const week = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: totalKey('u1', 'week:2026-W01') }),
    );
    expect(week.Item?.['score']).toBe(5);
  });

  it('logs an unreadable message and reports it failed, while the rest of the batch is applied', async () => {
    const activity: TestActivity = {
      id: 'ok',
      userId: 'u1',
      type: 'yoga',
      points: 9,
      occurredAt: iso(0),
      recordedAt: iso(1000),
    };
    await storeActivities(documentClient, [activity]);
    const { handler, logger } = testWorker(documentClient);
    const logged = vi.spyOn(logger, 'error');
    const garbage = sqsRecord('{not json');
    const notAnInsert = sqsRecord(JSON.stringify({ eventName: 'REMOVE', dynamodb: { Keys: {} } }));
    const good = sqsRecord(streamMessageBody(activity, 1));
    const response = await handler(sqsEvent([garbage, good, notAnInsert]), context);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      [garbage.messageId, notAnInsert.messageId].sort(),
    );
    expect(logged).toHaveBeenCalledWith(
      'unreadable activity message',
      expect.objectContaining({ messageId: garbage.messageId }),
    );
    const total = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: totalKey('u1', 'global') }),
    );
    expect(total.Item?.['score']).toBe(9);
  });

  it('fails only the record that met a transient error, and applies it once when redelivered', async () => {
    const activities: TestActivity[] = ['x', 'y', 'z'].map((id, index) => ({
      id,
      userId: `u${index}`,
      type: 'yoga',
      points: 10 + index,
      occurredAt: iso(0),
      recordedAt: iso(index * 1000),
    }));
    await storeActivities(documentClient, activities);
    // Stands in for DynamoDB throttling one request after the SDK's own retries gave up.
    const endpoint = testDynamo().endpoint;
    const throttledClient = new DynamoDBClient({
      endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    let throttled = 0;
    throttledClient.middlewareStack.add(
      (next) => async (args) => {
        // The batch's shared transaction, then y's own when the worker writes each group alone.
        if (throttled < 2 && JSON.stringify(args.input).includes(activityKey('u1', 'y').pk)) {
          throttled += 1;
          throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
            name: 'ProvisionedThroughputExceededException',
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'throttleOneActivity' },
    );
    const { handler } = testWorker(DynamoDBDocumentClient.from(throttledClient));
    const records = activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index)));
    const first = await handler(sqsEvent(records), context);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.messageId }]);
    const second = await handler(
      sqsEvent([sqsRecord(records[1]!.body), sqsRecord(records[0]!.body)]),
      context,
    );
    expect(second.batchItemFailures).toEqual([]);
    for (const [index, activity] of activities.entries()) {
      const total = await documentClient.send(
        new GetCommand({ TableName: scoresTable.name, Key: totalKey(activity.userId, 'global') }),
      );
      expect(total.Item?.['score']).toBe(10 + index);
    }
    throttledClient.destroy();
  });

  it('marks each changed board once per slot per instance, not once per activity', async () => {
    const activities: TestActivity[] = Array.from({ length: 25 }, (_, index) => ({
      id: `m${index}`,
      userId: `u${index}`,
      type: 'yoga',
      points: 3,
      programId: 'spring',
      occurredAt: iso(0),
      recordedAt: iso(1000),
    }));
    await storeActivities(documentClient, activities);
    const minuteStart = Date.parse('2026-11-24T10:00:00Z');
    const countingClient = new DynamoDBClient({
      endpoint: testDynamo().endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    let markPuts = 0;
    countingClient.middlewareStack.add(
      (next, context) => async (args) => {
        if ((context as { commandName?: string }).commandName === 'PutItemCommand') markPuts += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countMarkPuts' },
    );
    const { handler } = testWorker(DynamoDBDocumentClient.from(countingClient), {
      now: () => minuteStart + 5_000,
    });
    for (const batch of chunks(activities, 10)) {
      await handler(
        sqsEvent(batch.map((activity, index) => sqsRecord(streamMessageBody(activity, index)))),
        context,
      );
    }
    const slot = changeSlot(minuteStart + 5_000);
    const marks = await documentClient.send(
      new QueryCommand({
        TableName: scoresTable.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': boardChangePartition(slot) },
      }),
    );
    expect((marks.Items ?? []).map((item) => item['sk']).sort()).toEqual([
      'global',
      'month:2026-11',
      'program:spring',
      'week:2026-W47',
    ]);
    expect(markPuts).toBe(4);
    countingClient.destroy();
  });
});
