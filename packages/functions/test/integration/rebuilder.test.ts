import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { snapshotKey } from '@leaderboard/core/items/snapshot';
import { itemKinds } from '@leaderboard/core/keys';
import { compareTotals, type RankedTotal } from '@leaderboard/core/ranking';
import { scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRebuildCursor, writeRebuildCursor } from '../../src/rebuild/changed-boards.ts';
import { rebuildBoard } from '../../src/rebuild/rebuild-board.ts';
import { rebuildRunMetrics } from '../../src/rebuild/run-metrics.ts';
import { runRebuild } from '../../src/rebuild/run-rebuild.ts';
import {
  lambdaContext,
  sqsEvent,
  sqsRecord,
  storeActivities,
  streamMessageBody,
  type TestActivity,
} from '../support/activities.ts';
import { countingDocumentClient } from '../support/counting-client.ts';
import { clearAllTables, itemsOfKind, testDynamo } from '../support/local.ts';
import { rebuildDependencies, recordingPublisher } from '../support/rebuilder.ts';
import { seedTotals, type SeedTotal } from '../support/scores.ts';
import { testWorker } from '../support/worker.ts';

const t = (seconds: number) =>
  new Date(Date.parse('2026-11-20T09:00:00.000Z') + seconds * 1000).toISOString();

/** Every total of the board from a full Scan: the oracle, independent of the sharded index. */
async function allTotals(documentClient: DynamoDBDocumentClient, boardId: string): Promise<RankedTotal[]> {
  const totals = await itemsOfKind(documentClient, scoresTable.name, itemKinds.total);
  return totals
    .filter((item) => item['boardId'] === boardId)
    .map((item) => ({
      userId: item['userId'] as string,
      score: item['score'] as number,
      reachedAt: item['reachedAt'] as string,
    }));
}

describe('rebuilder', () => {
  const { documentClient, endpoint } = testDynamo();

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring'), testProgram('summer')]);
  });

  it('ranks 10,000 users over S shards exactly like a full sort, reading at most S x N items', async () => {
    const shards = 8;
    const topN = 100;
    // Scores collide heavily (40 distinct values, 4 distinct reachedAt): ties everywhere, across every shard.
    const totals: SeedTotal[] = Array.from({ length: 10_000 }, (_, index) => ({
      userId: `user-${(index * 7919) % 10_000}`,
      score: 1000 - (index % 40),
      reachedAt: t(index % 4),
    }));
    await seedTotals(documentClient, 'global', totals, shards);
    const fullSort = (await allTotals(documentClient, 'global')).sort(compareTotals).slice(0, topN);
    expect(fullSort).toHaveLength(topN);

    const counting = countingDocumentClient(endpoint);
    const { published, publish } = recordingPublisher();
    const result = await rebuildBoard(
      rebuildDependencies(counting.documentClient, publish, { shards, topN }),
      'global',
      Date.now(),
    );
    counting.destroy();

    expect(result.outcome).toBe('published');
    expect(published).toHaveLength(1);
    expect(published[0]!.entries.map((entry) => [entry.userId, entry.score])).toEqual(
      fullSort.map((total) => [total.userId, total.score]),
    );
    expect(published[0]!.entries.map((entry) => entry.rank)).toEqual(
      Array.from({ length: topN }, (_, index) => index + 1),
    );
    expect(counting.counts.itemsRead).toBeLessThanOrEqual(shards * topN);
    // One Query per shard, and one of the disqualifications (a run reads them once for all its boards).
    expect(counting.counts.queries).toBe(shards + 1);
    expect(result.itemsRead).toBe(counting.counts.itemsRead);
  }, 120_000);

  it('orders ties by who reached the score first, then by user id, the same way every time', async () => {
    await seedTotals(
      documentClient,
      'global',
      [
        { userId: 'carol', score: 50, reachedAt: t(5) },
        { userId: 'bob', score: 50, reachedAt: t(5) },
        { userId: 'alice', score: 50, reachedAt: t(9) },
        { userId: 'dave', score: 50, reachedAt: t(1) },
        { userId: 'erin', score: 70, reachedAt: t(20) },
      ],
      3,
    );
    const { published, publish } = recordingPublisher();
    await rebuildBoard(
      rebuildDependencies(documentClient, publish, { shards: 3, topN: 10 }),
      'global',
      Date.now(),
    );
    expect(published[0]!.entries.map((entry) => `${entry.rank}:${entry.userId}`)).toEqual([
      '1:erin',
      '2:dave',
      '3:bob',
      '4:carol',
      '5:alice',
    ]);
  });

  it('carries previous ranks across two rebuilds and publishes nothing when the ranking is unchanged', async () => {
    const { published, publish } = recordingPublisher();
    const deps = rebuildDependencies(documentClient, publish, { shards: 4, topN: 3 });
    await seedTotals(
      documentClient,
      'program:spring',
      [
        { userId: 'a', score: 30, reachedAt: t(1) },
        { userId: 'b', score: 20, reachedAt: t(2) },
        { userId: 'c', score: 10, reachedAt: t(3) },
        { userId: 'd', score: 5, reachedAt: t(4) },
      ],
      4,
    );
    const first = await rebuildBoard(deps, 'program:spring', Date.parse(t(100)));
    expect(first).toMatchObject({ outcome: 'published', version: 1 });
    expect(published[0]!.entries.map((e) => [e.userId, e.rank, e.previousRank])).toEqual([
      ['a', 1, null],
      ['b', 2, null],
      ['c', 3, null],
    ]);

    const unchanged = await rebuildBoard(deps, 'program:spring', Date.parse(t(160)));
    expect(unchanged).toMatchObject({ outcome: 'unchanged', version: 1 });
    expect(published).toHaveLength(1);

    // d overtakes everyone, c drops out of the top 3.
    await seedTotals(documentClient, 'program:spring', [{ userId: 'd', score: 40, reachedAt: t(200) }], 4);
    const second = await rebuildBoard(deps, 'program:spring', Date.parse(t(220)));
    expect(second).toMatchObject({ outcome: 'published', version: 2 });
    expect(published[1]!.entries.map((e) => [e.userId, e.rank, e.previousRank])).toEqual([
      ['d', 1, null],
      ['a', 2, 1],
      ['b', 3, 2],
    ]);
    const stored = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: snapshotKey('program:spring') }),
    );
    expect(stored.Item).toMatchObject({ version: 2, publishedVersion: 2, asOf: t(220) });
  });

  it('lets exactly one of two racing rebuilders write the next version', async () => {
    await seedTotals(documentClient, 'global', [{ userId: 'a', score: 1, reachedAt: t(1) }], 2);
    const { published, publish } = recordingPublisher();
    const deps = rebuildDependencies(documentClient, publish, { shards: 2, topN: 5 });
    const results = await Promise.all([
      rebuildBoard(deps, 'global', Date.now()),
      rebuildBoard(deps, 'global', Date.now()),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['lost-race', 'published']);
    expect(published).toHaveLength(1);
    const stored = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: snapshotKey('global') }),
    );
    expect(stored.Item?.['version']).toBe(1);
  });

  it('publishes again a snapshot whose publish failed', async () => {
    await seedTotals(documentClient, 'global', [{ userId: 'a', score: 1, reachedAt: t(1) }], 2);
    const failing = async () => {
      throw new Error('AppSync unavailable');
    };
    await expect(
      rebuildBoard(rebuildDependencies(documentClient, failing, { shards: 2 }), 'global', Date.now()),
    ).rejects.toThrow('AppSync unavailable');
    const { published, publish } = recordingPublisher();
    const retry = await rebuildBoard(
      rebuildDependencies(documentClient, publish, { shards: 2 }),
      'global',
      Date.now(),
    );
    expect(retry).toMatchObject({ outcome: 'republished', version: 1 });
    expect(published.map((snapshot) => snapshot.version)).toEqual([1]);
  });

  it('rebuilds the boards the worker changed since the previous run, and only those', async () => {
    let clock = Date.parse('2026-11-20T10:00:10.000Z');
    const now = () => clock;
    const { handler } = testWorker(documentClient, { now });
    const activities: TestActivity[] = [
      {
        id: '1',
        userId: 'u1',
        type: 'running',
        points: 10,
        programId: 'spring',
        occurredAt: t(0),
        recordedAt: t(10),
      },
      { id: '2', userId: 'u2', type: 'running', points: 20, occurredAt: t(0), recordedAt: t(11) },
    ];
    await storeActivities(documentClient, activities);
    await handler(
      sqsEvent(activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index)))),
      lambdaContext('worker'),
    );

    const { published, publish } = recordingPublisher();
    const deps = rebuildDependencies(documentClient, publish, { now });
    clock += 50_000;
    const first = await runRebuild(deps);
    expect(first.failures).toEqual([]);
    expect(first.boards.map((board) => [board.boardId, board.outcome])).toEqual([
      ['global', 'published'],
      ['month:2026-11', 'published'],
      ['program:spring', 'published'],
      ['week:2026-W47', 'published'],
    ]);
    expect(
      published.find((snapshot) => snapshot.boardId === 'global')!.entries.map((e) => [e.userId, e.score]),
    ).toEqual([
      ['u2', 20],
      ['u1', 10],
    ]);

    // Nothing changed: the overlap re-reads recent marks, but no ranking moved, so nothing is published.
    clock += 60_000;
    const second = await runRebuild(deps);
    expect(second.boards.every((board) => board.outcome === 'unchanged')).toBe(true);
    expect(published).toHaveLength(4);

    // Minutes later, only the program board changes.
    clock += 5 * 60_000;
    const late: TestActivity = {
      id: '3',
      userId: 'u3',
      type: 'running',
      points: 50,
      programId: 'summer',
      occurredAt: t(0),
      recordedAt: t(12),
    };
    await storeActivities(documentClient, [late]);
    await handler(sqsEvent([sqsRecord(streamMessageBody(late, 9))]), lambdaContext('worker'));
    clock += 30_000;
    const third = await runRebuild(deps);
    expect(third.boards.map((board) => [board.boardId, board.outcome])).toEqual([
      ['global', 'published'],
      ['month:2026-11', 'published'],
      ['program:summer', 'published'],
      ['week:2026-W47', 'published'],
    ]);
  });

  it('reports a change it cannot publish as older on every run, from the marks it reads again, until it publishes', async () => {
    let clock = Date.parse('2026-11-20T10:00:10.000Z');
    const now = () => clock;
    const { handler } = testWorker(documentClient, { now });
    const activity: TestActivity = {
      id: '1',
      userId: 'u1',
      type: 'running',
      points: 10,
      occurredAt: t(0),
      recordedAt: t(10),
    };
    await storeActivities(documentClient, [activity]);
    await handler(sqsEvent([sqsRecord(streamMessageBody(activity, 1))]), lambdaContext('worker'));

    const { published, publish } = recordingPublisher();
    let globalRefused = true;
    const deps = rebuildDependencies(
      documentClient,
      async (input) => {
        if (globalRefused && input.boardId === 'global') throw new Error('publish refused');
        await publish(input);
      },
      { now },
    );
    const ages: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      clock += 60_000;
      const summary = await runRebuild(deps);
      expect(summary.failures.map((failure) => failure.boardId)).toEqual(['global']);
      ages.push(rebuildRunMetrics(summary).oldestUnpublishedChangeAgeSeconds);
    }
    // The mark is for the slot starting 10:00:10; the runs start at 10:01:10, 10:02:10 and 10:03:10.
    expect(ages).toEqual([60, 120, 180]);

    globalRefused = false;
    clock += 60_000;
    const recovered = rebuildRunMetrics(await runRebuild(deps));
    expect(recovered.oldestUnpublishedChangeAgeSeconds).toBe(0);
    // Global, and the activity's week and month.
    expect(recovered.boardsChanged).toBe(3);
    expect(published.map((snapshot) => snapshot.boardId)).toContain('global');
  });

  it('moves its cursor forward only: a slow run that finishes late leaves the newer start in place', async () => {
    const source = { documentClient, scoresTable: scoresTable.name };
    expect(await readRebuildCursor(source)).toBeNull();
    await writeRebuildCursor(source, 2_000);
    await writeRebuildCursor(source, 1_000);
    expect(await readRebuildCursor(source)).toBe(2_000);
    await writeRebuildCursor(source, 3_000);
    expect(await readRebuildCursor(source)).toBe(3_000);
  });
});
