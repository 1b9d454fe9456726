/**
 * reverseActivity on the real parts: the resolver bundles record, reverse and read; the worker
 * applies the activities and the reversal (delivered three times over); the rebuilder snapshots.
 * Every aggregate is checked against values worked out by hand from what was recorded.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  globalBoardId,
  programBoardId,
  teamBoardId,
  timeWindows,
  windowBoardId,
} from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import { utcDayKey } from '@leaderboard/core/calendar';
import type { Activity, ActivityPage, Leaderboard, Reversal } from '@leaderboard/core/generated/schema';
import { dailyPointsKey } from '@leaderboard/core/items/counters';
import { progressKey } from '@leaderboard/core/items/progress';
import { scoreHistogramKey } from '@leaderboard/core/items/score-histogram';
import { teamCounterKey } from '@leaderboard/core/items/team-counter';
import { totalKey } from '@leaderboard/core/items/total';
import { itemKinds } from '@leaderboard/core/keys';
import { shardOf } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
} from '@leaderboard/resolvers/test-support/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  adminIdentity,
  deliveringWorker,
  everyItem,
  insertMessage,
  memberIdentity,
  rebuildChanged,
} from '../support/operations.ts';

describe('reverseActivity', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), adminIdentity());
  const deliver = deliveringWorker(documentClient);
  const shards = serviceConfig.scoreShards;
  const now = Date.now();
  const windowBoards = timeWindows.map((window) => windowBoardId(window, now));

  const record = async (userId: string, teamId: string | null, input: Record<string, unknown>) => {
    const outcome = await call('Mutation.recordActivity', { input }, memberIdentity(userId, teamId));
    expect(outcome.errors).toEqual([]);
    return outcome.data as Activity;
  };
  const reverse = (userId: string, activityKey: string, identity = adminIdentity()) =>
    call(
      'Mutation.reverseActivity',
      { input: { userId, activityKey, reason: 'Logged twice by mistake' } },
      identity,
    );
  const deliverInserts = async (kind: string) => {
    const bodies = (await itemsOfKind(documentClient, activitiesTable.name, kind)).map(insertMessage);
    expect(await deliver(bodies)).toEqual([]);
    return bodies;
  };
  const scoresItem = async (key: Record<string, string>) =>
    (
      await documentClient.send(
        new GetCommand({ TableName: scoresTable.name, Key: key, ConsistentRead: true }),
      )
    ).Item;
  const activitiesItem = async (key: Record<string, string>) =>
    (
      await documentClient.send(
        new GetCommand({ TableName: activitiesTable.name, Key: key, ConsistentRead: true }),
      )
    ).Item;
  const score = async (userId: string, boardId: string) =>
    ((await scoresItem(totalKey(userId, boardId))) as { score?: number } | undefined)?.score ?? null;
  const board = async (boardId: string) =>
    ((await call('Query.leaderboard', { boardId }, null)).data as Leaderboard).entries.map((entry) => [
      entry.userId,
      entry.score,
    ]);
  /** Users per score bucket on a board's shards, from the stored histograms (empty buckets left out). */
  const histogram = async (boardId: string) => {
    const counts: Record<string, number> = {};
    for (let shard = 0; shard < shards; shard += 1) {
      const item = (await scoresItem(scoreHistogramKey(boardId, shard))) ?? {};
      for (const [name, value] of Object.entries(item))
        if (/^b\d+$/.test(name) && value !== 0) counts[`${shard}:${name.slice(1)}`] = value as number;
    }
    return counts;
  };
  const histogramOf = (scores: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(scores).map(([userId, points]) => [
        `${shardOf(userId, shards)}:${scoreBucket(points)}`,
        1,
      ]),
    );

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring', { pointsGoal: 100 })]);
    await awayFromMinuteBoundary();
  });

  it('takes the activity out of totals, progress, team counters and the day cap exactly once; the next snapshot shows it', async () => {
    const run = await record('alice', 'blue', { type: 'running', quantity: 60, programId: 'spring' });
    await record('alice', 'blue', { type: 'steps', quantity: 2_000 });
    await record('bob', 'blue', { type: 'running', quantity: 25, programId: 'spring' });
    await deliverInserts(itemKinds.activity);
    await rebuildChanged(documentClient);
    expect(await board(globalBoardId)).toEqual([
      ['alice', 140],
      ['bob', 50],
    ]);
    expect(await scoresItem(progressKey('alice', 'spring'))).toMatchObject({ points: 120, activities: 1 });

    const history = (await call('Query.userActivities', { userId: 'alice' })).data as ActivityPage;
    const key = history.items.find((activity) => activity.id === run.id)!.key;
    const reversed = await reverse('alice', key);
    expect(reversed.errors).toEqual([]);
    expect(reversed.data as Reversal).toMatchObject({
      userId: 'alice',
      activityKey: key,
      points: 120,
      reversedBy: 'root',
    });

    // The pipe delivers the reversal; SQS delivers it three times, two of them at once.
    const [reversalBody] = await deliverInserts(itemKinds.reversal);
    expect(await deliver([reversalBody!, reversalBody!])).toEqual([]);
    expect(await itemsOfKind(documentClient, activitiesTable.name, itemKinds.reversal)).toEqual([
      expect.objectContaining({ processedAt: expect.any(String) }),
    ]);

    for (const boardId of [globalBoardId, ...windowBoards]) {
      expect(await score('alice', boardId), boardId).toBe(20);
      expect(await score('bob', boardId), boardId).toBe(50);
      expect(await histogram(boardId), boardId).toEqual(histogramOf({ alice: 20, bob: 50 }));
      const blue = await scoresItem(teamCounterKey(boardId, shardOf('alice', shards), 'blue'));
      const blueOfBob = await scoresItem(teamCounterKey(boardId, shardOf('bob', shards), 'blue'));
      const sum = (field: 'points' | 'members') =>
        shardOf('alice', shards) === shardOf('bob', shards)
          ? (blue![field] as number)
          : (blue![field] as number) + (blueOfBob![field] as number);
      expect([sum('points'), sum('members')], boardId).toEqual([70, 2]);
    }
    // Alice's only program activity is gone: she is on the program's board no more, nor in its progress.
    expect(await score('alice', programBoardId('spring'))).toBeNull();
    expect(await scoresItem(progressKey('alice', 'spring'))).toBeUndefined();
    expect(await histogram(programBoardId('spring'))).toEqual(histogramOf({ bob: 50 }));
    const day = utcDayKey(now);
    expect(await activitiesItem(dailyPointsKey('alice', day, 'running'))).toMatchObject({ points: 0 });
    expect(await activitiesItem(dailyPointsKey('alice', day, 'steps'))).toMatchObject({ points: 20 });

    await rebuildChanged(documentClient);
    expect(await board(globalBoardId)).toEqual([
      ['bob', 50],
      ['alice', 20],
    ]);
    expect(await board(programBoardId('spring'))).toEqual([['bob', 50]]);
    const teams = (await call('Query.leaderboard', { boardId: teamBoardId(globalBoardId) }, null))
      .data as Leaderboard;
    expect(teams.teams?.byPoints).toEqual([
      expect.objectContaining({ teamId: 'blue', points: 70, members: 2 }),
    ]);

    // The history keeps it, marked; the cap has room again for the day.
    const mine = (await call('Query.myActivities', {}, memberIdentity('alice', 'blue'))).data as ActivityPage;
    expect(mine.items.find((activity) => activity.key === key)).toMatchObject({
      reversedAt: expect.any(String),
      reversalReason: 'Logged twice by mistake',
    });
    await record('alice', 'blue', { type: 'running', quantity: 60, programId: 'spring' });
    expect(await activitiesItem(dailyPointsKey('alice', day, 'running'))).toMatchObject({ points: 120 });
  });

  it('applies a reversal that overtakes its activity: the activity never counts', async () => {
    const run = await record('carol', 'red', { type: 'running', quantity: 30, programId: 'spring' });
    await record('carol', 'red', { type: 'yoga', quantity: 40 });
    const stored = await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity);
    const runItem = stored.find((item) => item['id'] === run.id)!;
    const yogaItem = stored.find((item) => item['id'] !== run.id)!;
    expect(await deliver([insertMessage(yogaItem)])).toEqual([]);
    expect((await reverse('carol', run.key)).errors).toEqual([]);
    await deliverInserts(itemKinds.reversal);
    // The activity's own message arrives after: the worker skips it.
    expect(await deliver([insertMessage(runItem)])).toEqual([]);
    expect(await score('carol', globalBoardId)).toBe(40);
    expect(await score('carol', programBoardId('spring'))).toBeNull();
    expect(await scoresItem(progressKey('carol', 'spring'))).toBeUndefined();
    expect(await activitiesItem(dailyPointsKey('carol', utcDayKey(now), 'running'))).toMatchObject({
      points: 0,
    });
    const red = await scoresItem(teamCounterKey(globalBoardId, shardOf('carol', shards), 'red'));
    expect(red).toMatchObject({ points: 40, members: 1 });
  });

  it('refuses a non-admin and a second reversal, writing nothing', async () => {
    const run = await record('dave', null, { type: 'steps', quantity: 3_000 });
    await deliverInserts(itemKinds.activity);
    const before = await everyItem(documentClient);
    const refused = await reverse('dave', run.key, memberIdentity('dave'));
    expect(refused.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    const unknown = await reverse('dave', 'no-such-key');
    expect(unknown.errors).toEqual([expect.objectContaining({ errorType: 'NotFound' })]);
    expect(await everyItem(documentClient)).toEqual(before);

    expect((await reverse('dave', run.key)).errors).toEqual([]);
    const afterFirst = await everyItem(documentClient);
    const again = await reverse('dave', run.key);
    expect(again.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
    expect(await everyItem(documentClient)).toEqual(afterFirst);
  });
});
