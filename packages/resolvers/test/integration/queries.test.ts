import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { activityCatalog } from '@leaderboard/core/catalog';
import { serviceConfig } from '@leaderboard/core/config';
import { internalFailureMessage } from '@leaderboard/core/errors';
import { encodeRankKey, scoreShardKey, shardOf } from '@leaderboard/core/ranking';
import { scoresTable } from '@leaderboard/core/tables';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  caller,
  clearAllTables,
  rebuilderIdentity,
  testDynamo,
  testEngine,
  userIdentity,
} from '../support/engine.ts';

const entries = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    rank: index + 1,
    previousRank: index === 0 ? null : index,
    userId: `user-${index}`,
    displayName: index === 1 ? null : `User ${index}`,
    score: 10_000 - index,
  }));

describe('queries and the publish path', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), userIdentity('user-3'));

  const storeSnapshot = (boardId: string, count: number, version = 4) =>
    documentClient.send(
      new PutCommand({
        TableName: scoresTable.name,
        Item: {
          pk: `BOARD#${boardId}`,
          sk: 'SNAPSHOT',
          kind: 'snapshot',
          boardId,
          version,
          asOf: '2026-11-21T10:00:00.000Z',
          entries: entries(count),
          publishedVersion: version,
        },
      }),
    );

  /** A total as the worker stores it, spelled out: the names are what stored data has. */
  const totalItem = (userId: string, boardId: string, score: number) => {
    const reachedAt = '2026-11-21T09:00:00.000Z';
    return {
      pk: `USER#${userId}`,
      sk: `TOTAL#${boardId}`,
      kind: 'total',
      boardId,
      userId,
      displayName: userId,
      score,
      reachedAt,
      shardKey: scoreShardKey(boardId, shardOf(userId, serviceConfig.scoreShards)),
      rankKey: encodeRankKey({ userId, score, reachedAt }),
      updatedAt: reachedAt,
    };
  };

  beforeEach(async () => {
    await clearAllTables(documentClient);
  });

  describe('Query.leaderboard', () => {
    it('returns the latest snapshot of the global board by default, limited', async () => {
      await storeSnapshot('global', 40);
      const outcome = await call('Query.leaderboard', {}, null);
      expect(outcome.errors).toEqual([]);
      const board = outcome.data as { boardId: string; version: number; entries: unknown[] };
      expect(board).toMatchObject({ boardId: 'global', version: 4, asOf: '2026-11-21T10:00:00.000Z' });
      expect(board.entries).toEqual(entries(40).slice(0, serviceConfig.defaultLimit));
    });

    it('caps the limit at the largest snapshot size', async () => {
      await storeSnapshot('week:2026-W47', 5);
      const outcome = await call('Query.leaderboard', { boardId: 'week:2026-W47', limit: 1_000_000 }, null);
      expect((outcome.data as { entries: unknown[] }).entries).toHaveLength(5);
      const two = await call('Query.leaderboard', { boardId: 'week:2026-W47', limit: 2 }, null);
      expect((two.data as { entries: unknown[] }).entries).toEqual(entries(2));
    });

    it('shows an empty board before the first snapshot', async () => {
      const outcome = await call('Query.leaderboard', { boardId: 'program:new' }, null);
      expect(outcome.data).toMatchObject({ boardId: 'program:new', version: 0, entries: [] });
    });

    it.each([
      [{ boardId: 'everything' }, 'boardId'],
      [{ boardId: 'week:2026-W99' }, 'boardId'],
      [{ limit: 0 }, 'limit'],
      [{ limit: -5 }, 'limit'],
    ])('refuses %j', async (args, field) => {
      const outcome = await call('Query.leaderboard', args, null);
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field } }),
      ]);
    });
  });

  describe('Query.myStanding', () => {
    it('gives the caller total, rank and neighbours from the latest snapshot when they are in it', async () => {
      await storeSnapshot('global', 10, 7);
      await documentClient.send(
        new PutCommand({
          TableName: scoresTable.name,
          Item: totalItem('user-3', 'global', 9_997),
        }),
      );
      const outcome = await call('Query.myStanding', {});
      expect(outcome.errors).toEqual([]);
      expect(outcome.data).toEqual({
        boardId: 'global',
        userId: 'user-3',
        score: 9_997,
        rank: 4,
        exact: true,
        asOf: '2026-11-21T10:00:00.000Z',
        rankedUsers: null,
        boardVersion: 7,
        disqualified: false,
        above: [],
        below: [],
      });
      const around = await call('Query.myStanding', { around: 2 });
      const neighbour = (index: number) => ({ ...entries(10)[index], previousRank: null });
      expect(around.data).toMatchObject({
        rank: 4,
        above: [neighbour(1), neighbour(2)],
        below: [neighbour(4), neighbour(5)],
      });
    });

    it('gives a newcomer a zero total without a rank, and no neighbours', async () => {
      expect(
        (await call('Query.myStanding', { boardId: 'week:2026-W01', around: 3 }, userIdentity('newcomer')))
          .data,
      ).toEqual({
        boardId: 'week:2026-W01',
        userId: 'newcomer',
        score: 0,
        rank: null,
        exact: true,
        asOf: null,
        rankedUsers: null,
        boardVersion: null,
        disqualified: false,
        above: [],
        below: [],
      });
    });

    it('answers InternalFailure, and nothing of the cause, when a stored item cannot be read', async () => {
      const { score: _score, ...scoreless } = totalItem('user-3', 'global', 5);
      await documentClient.send(new PutCommand({ TableName: scoresTable.name, Item: scoreless }));
      const outcome = await call('Query.myStanding', {});
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType: 'InternalFailure', message: internalFailureMessage }),
      ]);
    });

    it('refuses a caller without a user, and a bad board id', async () => {
      expect((await call('Query.myStanding', {}, null)).errors).toEqual([
        expect.objectContaining({ errorType: 'Unauthorized' }),
      ]);
      expect((await call('Query.myStanding', { boardId: 'nope' })).errors).toEqual([
        expect.objectContaining({ errorType: 'ValidationError' }),
      ]);
    });
  });

  it('Query.activityTypes lists the catalog with its rules', async () => {
    const outcome = await call('Query.activityTypes', {}, null);
    const types = outcome.data as {
      type: string;
      pointsRule: string;
      pointsPerUnit: number;
      maxPointsPerDay: number;
    }[];
    expect(types.map((type) => type.type)).toEqual(activityCatalog.map((definition) => definition.type));
    expect(types.find((type) => type.type === 'steps')).toEqual({
      type: 'steps',
      name: 'Steps',
      unit: 'steps',
      pointsRule: '1 point per 100 steps',
      pointsPerUnit: 0.01,
      maxQuantityPerActivity: 60_000,
      maxPointsPerDay: 300,
    });
  });

  it('Mutation.publishLeaderboard hands the snapshot to subscribers unchanged, and refuses a bad board', async () => {
    const input = { boardId: 'global', version: 3, asOf: '2026-11-21T10:00:00.000Z', entries: entries(3) };
    const outcome = await call('Mutation.publishLeaderboard', { input }, rebuilderIdentity);
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toEqual(input);
    const bad = await call(
      'Mutation.publishLeaderboard',
      { input: { ...input, boardId: 'x' } },
      rebuilderIdentity,
    );
    expect(bad.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
  });

  it('Subscription.onLeaderboardChanged filters on the board id when one is given', async () => {
    const filtered = await call('Subscription.onLeaderboardChanged', { boardId: 'program:spring' }, null);
    expect(filtered.errors).toEqual([]);
    expect(filtered.extensions.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'boardId', operator: 'eq', value: 'program:spring' }] }],
    });
    const everything = await call('Subscription.onLeaderboardChanged', {}, null);
    expect(everything.extensions.subscriptionFilter).toBeUndefined();
    const bad = await call('Subscription.onLeaderboardChanged', { boardId: 'bad id' }, null);
    expect(bad.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
  });
});
