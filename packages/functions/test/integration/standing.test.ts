/**
 * myStanding for everyone, through the real resolver bundles and the real standing Lambda
 * handler on DynamoDB Local: ranks against a full sort of the board, the items one call reads
 * (counted by the clients, outside the code under test), `around` at the top, middle and bottom,
 * and histograms kept by the worker itself.
 */
import { serviceConfig } from '@leaderboard/core/config';
import { decodeScoreHistogram, decodeTotal } from '@leaderboard/core/items/decode';
import { encodeDisqualification } from '@leaderboard/core/items/disqualification';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { itemKinds } from '@leaderboard/core/keys';
import { canonicalTimestamp, shardOf } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import { scoresTable } from '@leaderboard/core/tables';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { rebuildBoard } from '../../src/rebuild/rebuild-board.ts';
import {
  chunks,
  lambdaContext,
  sqsEvent,
  sqsRecord,
  storeActivities,
  streamMessageBody,
  type TestActivity,
} from '../support/activities.ts';
import { clearAllTables, itemsOfKind, localCredentials, localRegion, testDynamo } from '../support/local.ts';
import { rebuildDependencies, recordingPublisher } from '../support/rebuilder.ts';
import type { SeedTotal } from '../support/scores.ts';
import {
  countingClients,
  rankedByFullSort,
  seedBoard,
  spreadTotals,
  standingEngine,
  standingInvocation,
} from '../support/standing.ts';
import { testWorker } from '../support/worker.ts';

interface Entry {
  rank: number;
  userId: string;
  score: number;
}

interface StandingAnswer {
  rank: number | null;
  exact: boolean;
  asOf: string | null;
  rankedUsers: number | null;
  score: number;
  above: Entry[];
  below: Entry[];
}

const shards = serviceConfig.scoreShards;

describe('myStanding for every user', () => {
  const { documentClient, endpoint } = testDynamo();
  const clients = countingClients({ endpoint, region: localRegion, credentials: localCredentials });
  const engine = standingEngine(clients);

  const standingOf = async (userId: string, args: Record<string, unknown>): Promise<StandingAnswer> => {
    const outcome = await engine.resolve(standingInvocation(userId, args));
    expect(outcome.errors).toEqual([]);
    return outcome.data as StandingAnswer;
  };

  /** The entries `around` a rank should give, from the full sort (index = rank - 1). */
  const expectedAround = (ranked: readonly SeedTotal[], rank: number, around: number) => ({
    above: ranked.slice(Math.max(0, rank - 1 - around), rank - 1).map((total, index, list) => ({
      rank: rank - list.length + index,
      userId: total.userId,
      score: total.score,
    })),
    below: ranked
      .slice(rank, rank + around)
      .map((total, index) => ({ rank: rank + 1 + index, userId: total.userId, score: total.score })),
  });

  const entries = (list: Entry[]) => list.map(({ rank, userId, score }) => ({ rank, userId, score }));

  beforeEach(async () => {
    await clearAllTables(documentClient);
    clients.reset();
  });

  afterAll(() => clients.destroy());

  it('ranks the user placed about 5,000th of 10,000 exactly, reading a bounded number of items', async () => {
    const totals = spreadTotals(10_000);
    await seedBoard(documentClient, 'global', totals);
    const ranked = rankedByFullSort(totals);
    const caller = ranked[4_999]!;
    clients.reset();

    const standing = await standingOf(caller.userId, { around: 3 });

    expect(standing).toMatchObject({ rank: 5_000, exact: true, rankedUsers: 10_000, score: caller.score });
    expect(Date.parse(standing.asOf!)).toBeGreaterThan(Date.now() - 60_000);
    const around = expectedAround(ranked, 5_000, 3);
    expect(entries(standing.above)).toEqual(around.above);
    expect(entries(standing.below)).toEqual(around.below);
    // The total and the snapshot (none here), the S histograms, each shard's share of the caller's
    // bucket up to the cap (plus one past it and the caller's own item), and S x around each side.
    const bound = 2 + shards + shards * (serviceConfig.standingItemsPerShard + 2) + 2 * shards * 3;
    console.log('myStanding at rank 5,000 of 10,000 read', clients.counts, `= ${clients.total()} items`);
    expect(clients.total()).toBeLessThanOrEqual(bound);
    expect(clients.counts['BatchGetItem']).toBe(shards);
  });

  it('says a rank is an estimate, and when, where more users share its score range than a read counts', async () => {
    const totals = spreadTotals(10_000);
    await seedBoard(documentClient, 'global', totals);
    const ranked = rankedByFullSort(totals);
    // Scores 4096-5119 share one bucket: about 1,800 users, over 200 a shard. Near its bottom,
    // each shard holds more above the caller than the cap.
    const index = ranked.findIndex((total) => total.score === 4_100);
    const caller = ranked[index]!;

    const standing = await standingOf(caller.userId, {});

    expect(standing.exact).toBe(false);
    expect(Date.parse(standing.asOf!)).toBeGreaterThan(Date.now() - 60_000);
    expect(Math.abs(standing.rank! - (index + 1))).toBeLessThanOrEqual(0.05 * (index + 1));
    expect(clients.total()).toBeLessThanOrEqual(
      2 + shards + shards * (serviceConfig.standingItemsPerShard + 2),
    );
  });

  it('gives the entries around the caller at the top, in the middle and at the bottom of a board', async () => {
    const totals = spreadTotals(400, 'runner-');
    await seedBoard(documentClient, 'week:2026-W47', totals);
    const ranked = rankedByFullSort(totals);
    const { publish } = recordingPublisher();
    await rebuildBoard(rebuildDependencies(documentClient, publish), 'week:2026-W47', Date.now());

    for (const rank of [1, 2, 99, 200, 399, 400]) {
      const caller = ranked[rank - 1]!;
      const standing = await standingOf(caller.userId, { boardId: 'week:2026-W47', around: 3 });
      const around = expectedAround(ranked, rank, 3);
      expect(standing.rank, `rank ${rank}`).toBe(rank);
      expect(standing.exact).toBe(true);
      expect(entries(standing.above), `above rank ${rank}`).toEqual(around.above);
      expect(entries(standing.below), `below rank ${rank}`).toEqual(around.below);
      // Inside the snapshot's top 100 with its neighbours, the snapshot answers: no live count.
      expect(standing.rankedUsers, `rank ${rank}`).toBe(rank + 3 <= serviceConfig.topN ? null : 400);
    }
  });

  it('leaves users disqualified on the board out of a live rank, the users ranked and the neighbours', async () => {
    const totals = spreadTotals(300);
    await seedBoard(documentClient, 'global', totals);
    const ranked = rankedByFullSort(totals);
    const caller = ranked[149]!;
    const disqualify = (userId: string, boardId: string | null, reinstated = false) =>
      encodeDisqualification({
        userId,
        boardId,
        disqualifiedBy: 'admin',
        reason: 'test',
        disqualifiedAt: '2026-11-20T00:00:00.000Z',
        reinstated: reinstated
          ? { by: 'admin', at: '2026-11-21T00:00:00.000Z', reason: 'test', expiresAt: 4_102_444_800 }
          : null,
      });
    // Out: one right above the caller on this board, one far above on every board, one right below.
    // Still in: one reinstated, one disqualified on another board.
    const out = [ranked[148]!, ranked[10]!, ranked[150]!];
    const items = [
      disqualify(out[0]!.userId, 'global'),
      disqualify(out[1]!.userId, null),
      disqualify(out[2]!.userId, 'global'),
      disqualify(ranked[147]!.userId, 'global', true),
      disqualify(ranked[146]!.userId, 'week:2026-W48'),
    ];
    for (const item of items)
      await documentClient.send(new PutCommand({ TableName: scoresTable.name, Item: item }));
    const eligible = ranked.filter((total) => !out.includes(total));

    const standing = await standingOf(caller.userId, { around: 3 });

    const rank = eligible.indexOf(caller) + 1;
    expect(rank).toBe(148);
    expect(standing).toMatchObject({ rank, exact: true, rankedUsers: 297 });
    const around = expectedAround(eligible, rank, 3);
    expect(entries(standing.above)).toEqual(around.above);
    expect(entries(standing.below)).toEqual(around.below);
  });

  it('refuses a team board and an around out of range, and gives a newcomer no rank', async () => {
    for (const args of [
      { boardId: 'team:global' },
      { around: -1 },
      { around: serviceConfig.maxAround + 1 },
    ]) {
      const outcome = await engine.resolve(standingInvocation('nobody', args));
      expect(outcome.errors, JSON.stringify(args)).toEqual([
        expect.objectContaining({ errorType: 'ValidationError' }),
      ]);
    }
    expect(await standingOf('nobody', { around: 2 })).toMatchObject({
      rank: null,
      score: 0,
      above: [],
      below: [],
    });
  });

  it('ranks everyone right on histograms the worker kept, however activities moved their buckets', async () => {
    const base = Date.parse('2026-11-16T08:00:00Z');
    const activities: TestActivity[] = Array.from({ length: 160 }, (_, index) => ({
      id: `a${index}`,
      userId: `walker-${index % 40}`,
      type: 'cycling',
      points: 1 + ((index * 37) % 61),
      occurredAt: canonicalTimestamp(base + index * 1000),
      recordedAt: canonicalTimestamp(base + 3_600_000 + index * 1000),
    }));
    await storeActivities(documentClient, activities);
    const worker = testWorker(documentClient);
    for (const batch of chunks(activities, 10)) {
      const records: SQSRecord[] = batch.map((activity, index) =>
        sqsRecord(streamMessageBody(activity, index)),
      );
      const result = await worker.handler(sqsEvent(records), lambdaContext('worker'));
      expect(result.batchItemFailures).toEqual([]);
    }

    const totals = (await itemsOfKind(documentClient, scoresTable.name, itemKinds.total))
      .map(decodeTotal)
      .filter((total) => total.boardId === 'global');
    expect(totals).toHaveLength(40);
    const recount = new Map<string, number>();
    for (const total of totals) {
      const key = `${shardOf(total.userId, shards)}:${scoreBucket(total.score)}`;
      recount.set(key, (recount.get(key) ?? 0) + 1);
    }
    const kept = new Map<string, number>();
    for (const histogram of (await itemsOfKind(documentClient, scoresTable.name, itemKinds.scoreHistogram))
      .map(decodeScoreHistogram)
      .filter((item) => item.boardId === 'global')) {
      for (const [bucket, count] of Object.entries(histogram.buckets))
        if (count > 0) kept.set(`${histogram.shard}:${bucket}`, count);
    }
    expect(kept).toEqual(recount);

    const ranked = rankedByFullSort(totals);
    for (const [index, total] of ranked.entries()) {
      expect((await standingOf(total.userId, {})).rank, total.userId).toBe(index + 1);
    }
  });
});
