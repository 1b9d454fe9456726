/**
 * The Lambda entry points as deployed, configured only by environment: linked resources
 * from `SST_RESOURCE_<Name>` and DynamoDB from `AWS_ENDPOINT_URL_DYNAMODB`, as the local
 * runtime runs them.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { totalKey } from '@leaderboard/core/items/total';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  lambdaContext,
  sqsEvent,
  sqsRecord,
  storeActivities,
  streamMessageBody,
} from '../support/activities.ts';
import { clearAllTables, localCredentials, localRegion, testDynamo } from '../support/local.ts';

describe('Lambda entry points configured by environment', () => {
  const { documentClient, endpoint } = testDynamo();
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      SST_RESOURCE_Activities: JSON.stringify({ name: activitiesTable.name }),
      SST_RESOURCE_Scores: JSON.stringify({ name: scoresTable.name }),
      SST_RESOURCE_Api: JSON.stringify({ url: 'http://127.0.0.1:9/graphql' }),
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      // One tick per invocation: the cadence itself is tested in cadence.test.ts.
      REBUILD_PERIOD_SECONDS: '1',
      REBUILD_TICK_SECONDS: '1',
    });
  });

  afterAll(() => {
    process.env = saved;
  });

  beforeEach(async () => {
    await clearAllTables(documentClient);
  });

  it('worker.handler applies an activity from an SQS event', async () => {
    const { handler } = await import('../../src/worker.ts');
    const activity = {
      id: 'e1',
      userId: 'u1',
      type: 'yoga',
      points: 7,
      occurredAt: '2026-11-20T08:00:00.000Z',
      recordedAt: '2026-11-20T08:00:01.000Z',
    };
    await storeActivities(documentClient, [activity]);
    const response = await handler(
      sqsEvent([sqsRecord(streamMessageBody(activity, 1))]),
      lambdaContext('worker'),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    const total = await documentClient.send(
      new GetCommand({ TableName: scoresTable.name, Key: totalKey('u1', 'global') }),
    );
    expect(total.Item?.['score']).toBe(7);
  });

  it('rebuilder.handler runs a rebuild with nothing changed and publishes nothing', async () => {
    const { handler } = await import('../../src/rebuilder.ts');
    const summaries = await handler({} as never, lambdaContext('rebuilder'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.failures).toEqual([]);
    expect(summaries[0]!.boards).toEqual([]);
  });
});
