/**
 * The whole path on real parts, minus the transports: resolvers record activities in
 * DynamoDB Local, the worker applies their stream records, the rebuilder snapshots and
 * publishes (through the real `publishLeaderboard` resolver), and the queries read back.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { marshall } from '@aws-sdk/util-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BoardChangeMarker } from '../../src/aggregation/board-changes.ts';
import { createWorkerHandler } from '../../src/aggregation/worker-handler.ts';
import { runRebuild } from '../../src/rebuild/run-rebuild.ts';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  rebuilderIdentity,
  testDynamo,
  testEngine,
  userIdentity,
} from '@leaderboard/resolvers/test-support/engine';

describe('record -> aggregate -> rebuild -> read', () => {
  const { documentClient, endpoint } = testDynamo();
  const engine = testEngine(endpoint);
  const call = caller(engine, userIdentity('ada'));

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring')]);
    await awayFromMinuteBoundary();
  });

  it('turns recorded activities into a published, queryable ranking', async () => {
    const record = (userId: string, input: Record<string, unknown>) =>
      call('Mutation.recordActivity', { input }, userIdentity(userId, userId.toUpperCase()));
    for (const [userId, input] of [
      ['ada', { type: 'running', quantity: 30, programId: 'spring' }],
      ['grace', { type: 'workout', quantity: 2, programId: 'spring' }],
      ['linus', { type: 'steps', quantity: 5_000 }],
      ['ada', { type: 'steps', quantity: 2_000, idempotencyKey: 'steps-1' }],
      ['ada', { type: 'steps', quantity: 2_000, idempotencyKey: 'steps-1' }],
    ] as const) {
      expect((await record(userId, input)).errors).toEqual([]);
    }

    // The pipe's part: every activity insert becomes one message body, delivered twice here.
    const stored = await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity);
    expect(stored).toHaveLength(4);
    const bodies = stored.map((item, index) =>
      JSON.stringify({
        eventID: `e${index}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          Keys: marshall({ pk: item['pk'] }),
          NewImage: marshall(item),
          StreamViewType: 'NEW_IMAGE',
        },
      }),
    );
    process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
    const worker = createWorkerHandler({
      documentClient,
      tables: { activities: activitiesTable.name, scores: scoresTable.name },
      config: serviceConfig,
      boardChanges: new BoardChangeMarker({
        documentClient,
        scoresTable: scoresTable.name,
        ttlSeconds: 3600,
      }),
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'FlowTest' }),
    });
    const records = [...bodies, ...bodies].map((body, index) => ({
      messageId: `m${index}`,
      receiptHandle: `r${index}`,
      body,
      attributes: {},
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:q',
      awsRegion: 'us-east-1',
    }));
    const response = await worker({ Records: records as never }, {} as never);
    expect(response.batchItemFailures).toEqual([]);

    // Stands for AppSync receiving the signed publish: the same resolver, called as IAM.
    const published: PublishLeaderboardInput[] = [];
    const summary = await runRebuild({
      documentClient,
      scoresTable: scoresTable.name,
      shards: serviceConfig.scoreShards,
      topN: serviceConfig.topN,
      config: serviceConfig,
      publish: async (input) => {
        const outcome = await call('Mutation.publishLeaderboard', { input }, rebuilderIdentity);
        expect(outcome.errors).toEqual([]);
        published.push(outcome.data as PublishLeaderboardInput);
      },
    });
    expect(summary.failures).toEqual([]);
    expect(published.map((snapshot) => snapshot.boardId).sort()).toEqual(
      expect.arrayContaining(['global', 'program:spring']),
    );

    const global = await call('Query.leaderboard', {}, null);
    expect((global.data as { entries: unknown[] }).entries).toEqual([
      { rank: 1, previousRank: null, userId: 'grace', displayName: 'GRACE', score: 100 },
      { rank: 2, previousRank: null, userId: 'ada', displayName: 'ADA', score: 80 },
      { rank: 3, previousRank: null, userId: 'linus', displayName: 'LINUS', score: 50 },
    ]);
    const program = await call('Query.leaderboard', { boardId: 'program:spring' }, null);
    expect(
      (program.data as { entries: { userId: string; score: number }[] }).entries.map((e) => [
        e.userId,
        e.score,
      ]),
    ).toEqual([
      ['grace', 100],
      ['ada', 60],
    ]);
    expect((await call('Query.myStanding', {})).data).toMatchObject({
      userId: 'ada',
      score: 80,
      rank: 2,
      boardVersion: 1,
    });
  });
});
