/**
 * The event source mapping against the SQS emulator. The consumer handlers here are plain
 * recorder functions standing for the worker Lambda: they record what they were given and
 * fail on purpose where a test says so.
 */
import { createHash } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { activitiesQueue, workerFunction } from '@leaderboard/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localRegion } from '../../../src/aws/dynamodb-local.ts';
import {
  SqsEventSourceMapping,
  type BatchOutcome,
  type SqsHandler,
} from '../../../src/emulators/event-source-mapping.ts';
import { until } from '../../support/until.ts';
import { drainVisible, queueDepth, sendBodies, startSqsTestKit, type SqsTestKit } from './sqs-test-kit.ts';

const visibilityTimeoutSeconds = 1;
let kit: SqsTestKit;
let mapping: SqsEventSourceMapping | undefined;

beforeEach(async () => {
  kit = await startSqsTestKit(visibilityTimeoutSeconds);
});

afterEach(async () => {
  await mapping?.stop();
  mapping = undefined;
  await kit.stop();
});

function startMapping(
  handler: SqsHandler,
  outcomes: BatchOutcome[] = [],
  overrides: { maximumConcurrency?: number } = {},
): SqsEventSourceMapping {
  mapping = new SqsEventSourceMapping({
    sqs: kit.sqs,
    queueUrl: kit.queues.queue.url,
    queueArn: kit.queues.queue.arn,
    handler,
    function: { ...workerFunction, region: localRegion, accountId: kit.emulator.accountId },
    batchSize: activitiesQueue.batch.size,
    batchWindowMs: 200,
    reportBatchItemFailures: true,
    pollIntervalMs: 50,
    onBatch: (outcome) => outcomes.push(outcome),
    ...overrides,
  });
  mapping.start();
  return mapping;
}

/** A recorder standing for the worker: keeps every record it was handed. */
function recorder(fail: (record: SQSRecord) => boolean = () => false): {
  handler: SqsHandler;
  calls: SQSRecord[][];
} {
  const calls: SQSRecord[][] = [];
  const handler = (event: SQSEvent): Promise<SQSBatchResponse> => {
    calls.push(event.Records);
    return Promise.resolve({
      batchItemFailures: event.Records.filter(fail).map((record) => ({ itemIdentifier: record.messageId })),
    });
  };
  return { handler, calls };
}

describe('SqsEventSourceMapping', () => {
  it('hands the handler a real SQS event in batches of at most the configured size', async () => {
    const bodies = Array.from({ length: 23 }, (_, index) => JSON.stringify({ n: index }));
    await sendBodies(kit.sqs, kit.queues.queue.url, bodies);
    await kit.sqs.send(
      new SendMessageCommand({
        QueueUrl: kit.queues.queue.url,
        MessageBody: 'with attributes',
        MessageAttributes: { source: { DataType: 'String', StringValue: 'test' } },
      }),
    );
    const { handler, calls } = recorder();
    startMapping(handler);
    await until(() => calls.flat().length >= 24, 'every message delivered', 10_000);
    await mapping?.stop();

    expect(calls.every((batch) => batch.length <= activitiesQueue.batch.size)).toBe(true);
    expect(calls.some((batch) => batch.length === activitiesQueue.batch.size)).toBe(true);
    const records = calls.flat();
    expect(records.map((record) => record.body).sort()).toEqual([...bodies, 'with attributes'].sort());
    const first = records.find((record) => record.body === bodies[0]);
    expect(first).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: kit.queues.queue.arn,
      awsRegion: localRegion,
      md5OfBody: createHash('md5')
        .update(bodies[0] ?? '')
        .digest('hex'),
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(first?.receiptHandle).toBeTruthy();
    expect(Number(first?.attributes.SentTimestamp)).toBeGreaterThan(0);
    const withAttributes = records.find((record) => record.body === 'with attributes');
    expect(withAttributes?.messageAttributes).toEqual({
      source: { dataType: 'String', stringValue: 'test', stringListValues: [], binaryListValues: [] },
    });
    expect(await drainVisible(kit.sqs, kit.queues.queue.url)).toHaveLength(0);
  });

  it('deletes what succeeded and redelivers only the reported failures after the visibility timeout', async () => {
    const bodies = Array.from({ length: 10 }, (_, index) => `m${index}`);
    await sendBodies(kit.sqs, kit.queues.queue.url, bodies);
    const failOnce = new Set(['m2', 'm7']);
    const { handler, calls } = recorder(
      (record) => failOnce.has(record.body) && record.attributes.ApproximateReceiveCount === '1',
    );
    const outcomes: BatchOutcome[] = [];
    startMapping(handler, outcomes);
    await until(() => calls.flat().length >= 12, 'the two failures redelivered', 10_000);
    const firstFailureSeenAt = Date.now();
    await mapping?.stop();

    const deliveries = calls.flat();
    const counts = new Map<string, number>();
    for (const record of deliveries) counts.set(record.body, (counts.get(record.body) ?? 0) + 1);
    for (const body of bodies) expect(counts.get(body), body).toBe(failOnce.has(body) ? 2 : 1);
    const redelivered = deliveries.filter((record) => record.attributes.ApproximateReceiveCount === '2');
    expect(redelivered.map((record) => record.body).sort()).toEqual(['m2', 'm7']);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.failed, 0)).toBe(2);
    expect(firstFailureSeenAt).toBeGreaterThan(0);
    expect(await drainVisible(kit.sqs, kit.queues.queue.url)).toHaveLength(0);
    expect(await drainVisible(kit.sqs, kit.queues.deadLetter.url)).toHaveLength(0);
  });

  it('keeps a failed message invisible for the visibility timeout', async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['slow']);
    const receivedAt: number[] = [];
    startMapping((event) => {
      receivedAt.push(Date.now());
      return { batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    await until(() => receivedAt.length >= 2, 'a second delivery', 10_000);
    const gap = (receivedAt[1] ?? 0) - (receivedAt[0] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(visibilityTimeoutSeconds * 1000 - 50);
  });

  it('fails the whole batch when the handler throws', async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['a', 'b', 'c']);
    let invocations = 0;
    const seen: SQSRecord[] = [];
    startMapping((event) => {
      invocations += 1;
      seen.push(...event.Records);
      if (invocations === 1) throw new Error('worker crashed');
      return { batchItemFailures: [] };
    });
    await until(() => seen.length >= 6, 'the batch redelivered', 10_000);
    await mapping?.stop();
    expect(
      seen
        .filter((record) => record.attributes.ApproximateReceiveCount === '2')
        .map((r) => r.body)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('fails the whole batch when the response names an unknown item, as Lambda does', async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['x', 'y']);
    const seen: SQSRecord[] = [];
    startMapping((event) => {
      seen.push(...event.Records);
      if (seen.length <= 2) return { batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] };
      return undefined;
    });
    await until(() => seen.length >= 4, 'the batch redelivered', 10_000);
    await mapping?.stop();
    expect(
      seen
        .slice(2)
        .map((record) => record.body)
        .sort(),
    ).toEqual(['x', 'y']);
  });

  it(`moves a message that keeps failing to the DLQ after ${activitiesQueue.deadLetter.maxReceiveCount} receives`, async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['good', 'poison']);
    const { handler, calls } = recorder((record) => record.body === 'poison');
    startMapping(handler);
    await until(
      async () => (await queueDepth(kit.sqs, kit.queues.deadLetter.url)) === 1,
      'the poison message in the DLQ',
      15_000,
    );
    // One more visibility period: a message past its max receives must not be handed over again.
    await new Promise((resolve) => setTimeout(resolve, visibilityTimeoutSeconds * 1000 + 500));
    await mapping?.stop();
    const poisonDeliveries = calls.flat().filter((record) => record.body === 'poison');
    expect(poisonDeliveries.map((record) => record.attributes.ApproximateReceiveCount)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(calls.flat().filter((record) => record.body === 'good')).toHaveLength(1);
    const dead = await drainVisible(kit.sqs, kit.queues.deadLetter.url);
    expect(dead.map((message) => message.Body)).toEqual(['poison']);
    expect(await drainVisible(kit.sqs, kit.queues.queue.url)).toHaveLength(0);
  });

  it('stops after settling the batch in hand and resumes where it left off', async () => {
    const bodies = Array.from({ length: 30 }, (_, index) => `s${index}`);
    const seen: string[] = [];
    let release: (() => void) | undefined;
    const firstBatchHeld = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    startMapping(async (event) => {
      calls += 1;
      if (calls === 1) await firstBatchHeld;
      seen.push(...event.Records.map((record) => record.body));
    });
    await sendBodies(kit.sqs, kit.queues.queue.url, bodies);
    await until(() => calls === 1, 'the first batch', 5_000);
    const stopped = mapping?.stop();
    release?.();
    await stopped;
    const seenAtStop = seen.length;
    expect(seenAtStop).toBeGreaterThan(0);
    expect(seenAtStop).toBeLessThan(bodies.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toHaveLength(seenAtStop);
    mapping?.start();
    await until(() => seen.length >= bodies.length, 'the rest delivered', 10_000);
    await mapping?.stop();
    expect([...seen].sort()).toEqual([...bodies].sort());
  });

  it('keeps several batches in flight under a backlog, never more than the maximum concurrency', async () => {
    await sendBodies(
      kit.sqs,
      kit.queues.queue.url,
      Array.from({ length: 120 }, (_, index) => JSON.stringify({ n: index })),
    );
    let inFlight = 0;
    let mostInFlight = 0;
    const delivered: string[] = [];
    const slowHandler: SqsHandler = async (event) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      delivered.push(...event.Records.map((record) => record.body));
      inFlight -= 1;
      return { batchItemFailures: [] };
    };
    startMapping(slowHandler, [], { maximumConcurrency: 3 });
    await until(() => delivered.length >= 120, 'every message delivered', 20_000);
    expect(mostInFlight).toBe(3);
    expect(new Set(delivered).size).toBe(120);
  });
});
