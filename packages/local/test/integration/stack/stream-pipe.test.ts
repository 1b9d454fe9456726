/**
 * The stream pipe against DynamoDB Local's Activities stream (the shared test database) and
 * the SQS emulator.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { activitiesQueue, activitiesTable, itemKinds } from '@leaderboard/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../../src/aws/dynamodb-local.ts';
import { StreamPipe } from '../../../src/emulators/stream-pipe.ts';
import type { PipeStreamEvent } from '../../../src/emulators/stream-record.ts';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { until } from '../../support/until.ts';
import { drainVisible, startSqsTestKit, type SqsTestKit } from './sqs-test-kit.ts';

const dynamo = testDynamo();
const streams = new DynamoDBStreamsClient({
  endpoint: dynamo.endpoint,
  region: localRegion,
  credentials: localCredentials,
});
let streamArn: string;
let kit: SqsTestKit;
let pipe: StreamPipe | undefined;
/** Sizes of the SendMessageBatch calls the pipe made, seen on the real client. */
let sentBatches: number[];

beforeAll(async () => {
  const table = await dynamo.client.send(new DescribeTableCommand({ TableName: activitiesTable.name }));
  streamArn = table.Table?.LatestStreamArn ?? '';
  expect(streamArn).not.toBe('');
});

afterAll(() => {
  streams.destroy();
});

beforeEach(async () => {
  await clearAllTables(dynamo.documentClient);
  kit = await startSqsTestKit(30);
  sentBatches = [];
});

afterEach(async () => {
  await pipe?.stop();
  pipe = undefined;
  await kit.stop();
});

function observed(sqs: SQSClient): Pick<SQSClient, 'send'> {
  return {
    send: ((command: { input: { Entries?: unknown[] } }) => {
      if (command.input.Entries) sentBatches.push(command.input.Entries.length);
      return sqs.send(command as never);
    }) as SQSClient['send'],
  };
}

async function startPipe(batchWindowMs = 300): Promise<StreamPipe> {
  // LATEST: the shared stream still holds records from earlier test files.
  pipe = new StreamPipe({
    streams,
    streamArn,
    sqs: observed(kit.sqs),
    queueUrl: kit.queues.queue.url,
    filterPattern: activitiesQueue.source.filterPattern,
    batchSize: activitiesQueue.source.batchSize,
    batchWindowMs,
    startingPosition: 'LATEST',
    pollIntervalMs: 50,
    onError: (error) => {
      throw error;
    },
  });
  await pipe.start();
  return pipe;
}

const putActivity = (id: string, extra: Record<string, unknown> = {}) =>
  dynamo.documentClient.send(
    new PutCommand({
      TableName: activitiesTable.name,
      Item: { pk: `ACT#alice#${id}`, kind: itemKinds.activity, userId: 'alice', points: 5, ...extra },
    }),
  );

const putRateCounter = (minute: number) =>
  dynamo.documentClient.send(
    new PutCommand({
      TableName: activitiesTable.name,
      Item: { pk: `RATE#alice#${minute}`, kind: itemKinds.rateCounter, count: 1 },
    }),
  );

async function collect(count: number, timeoutMs = 10_000): Promise<PipeStreamEvent[]> {
  const bodies: PipeStreamEvent[] = [];
  await until(
    async () => {
      const messages = await drainVisible(kit.sqs, kit.queues.queue.url);
      bodies.push(...messages.map((message) => JSON.parse(message.Body ?? '') as PipeStreamEvent));
      return bodies.length >= count;
    },
    `${count} messages`,
    timeoutMs,
  );
  return bodies;
}

describe('StreamPipe', () => {
  it('sends activity inserts only, each as the stream record EventBridge Pipes delivers', async () => {
    await startPipe();
    await putActivity('1', { blob: new Uint8Array([1, 2, 3]) });
    await putRateCounter(1);
    await dynamo.documentClient.send(
      new UpdateCommand({
        TableName: activitiesTable.name,
        Key: { pk: 'ACT#alice#1' },
        UpdateExpression: 'SET handled = :yes',
        ExpressionAttributeValues: { ':yes': true },
      }),
    );
    await putActivity('2');
    const bodies = await collect(2);
    // Give a wrongly kept record the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 700));
    bodies.push(...(await collect(0)));

    expect(bodies.map((body) => body.dynamodb['Keys'])).toEqual([
      { pk: { S: 'ACT#alice#1' } },
      { pk: { S: 'ACT#alice#2' } },
    ]);
    const [first] = bodies;
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: expect.any(String),
      eventID: expect.any(String),
      awsRegion: expect.any(String),
      eventSourceARN: streamArn,
      dynamodb: {
        NewImage: {
          pk: { S: 'ACT#alice#1' },
          kind: { S: 'activity' },
          points: { N: '5' },
          blob: { B: 'AQID' },
        },
        StreamViewType: 'NEW_IMAGE',
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        ApproximateCreationDateTime: expect.any(Number),
      },
    });
    const created = first?.dynamodb['ApproximateCreationDateTime'] as number;
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(120);
    expect(pipe?.statistics).toMatchObject({ recordsRead: 4, recordsMatched: 2, messagesSent: 2 });
  });

  it(`sends in batches of at most ${activitiesQueue.source.batchSize}, in stream order`, async () => {
    await startPipe(2_000);
    const ids = Array.from({ length: 25 }, (_, index) => String(index).padStart(2, '0'));
    for (const id of ids) await putActivity(id);
    const bodies = await collect(25);
    expect(bodies.map((body) => (body.dynamodb['Keys'] as { pk: { S: string } }).pk.S)).toEqual(
      ids.map((id) => `ACT#alice#${id}`),
    );
    expect(sentBatches.every((size) => size <= activitiesQueue.source.batchSize)).toBe(true);
    expect(sentBatches.slice(0, 2)).toEqual([10, 10]);
    expect(sentBatches.reduce((sum, size) => sum + size, 0)).toBe(25);
  });

  it('holds a lone record for the batching window, then sends it', async () => {
    await startPipe(800);
    const writtenAt = Date.now();
    await putActivity('lone');
    await collect(1);
    const waited = Date.now() - writtenAt;
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(5_000);
  });

  it('resumes after a stop from its checkpoint: nothing repeated, nothing skipped', async () => {
    await startPipe(100);
    await putActivity('before-1');
    await putActivity('before-2');
    await collect(2);
    await pipe?.stop();
    const checkpoints = new Map(pipe?.checkpoints);
    expect([...checkpoints.values()].some((sequence) => sequence !== undefined)).toBe(true);

    await putActivity('while-stopped');
    await putRateCounter(2);
    await pipe?.start();
    await putActivity('after');
    const bodies = await collect(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    bodies.push(...(await collect(0)));
    expect(bodies.map((body) => (body.dynamodb['Keys'] as { pk: { S: string } }).pk.S)).toEqual([
      'ACT#alice#while-stopped',
      'ACT#alice#after',
    ]);
  });
});
