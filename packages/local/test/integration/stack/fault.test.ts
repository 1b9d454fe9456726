/**
 * Faults in the pipeline, with the real worker behind the real event source mapping: the
 * worker's poller is stopped mid-run and started again, some records fail on purpose on
 * their first delivery, one batch fails after the worker already counted it (as when a
 * Lambda times out after its writes), and two unreadable messages are poison. Nothing may be
 * lost, nothing counted twice, and the poison must end in the DLQ after three receives.
 *
 * The stack uses the test run's shared DynamoDB Local, reading its stream from now on.
 */
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { activitiesQueue } from '@leaderboard/core';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqsHandler } from '../../../src/emulators/event-source-mapping.ts';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { queueDepth } from '../../support/sqs.ts';
import { myStandingQuery, postGraphQL, recordActivityMutation, until } from './stack-test-kit.ts';

const visibilityTimeoutSeconds = 2;
const poisonBodies = [
  'not a stream record',
  JSON.stringify({ eventName: 'INSERT', dynamodb: { NewImage: { kind: { S: 'activity' } } } }),
];

let stack: LocalStack;
let sqs: SQSClient;
const deliveries: SQSRecord[] = [];
let invocations = 0;
let failedOnPurpose = 0;
let crashedAfterCounting = 0;
const logLines: string[] = [];

/** Stands in front of the real worker and fails some deliveries on purpose. */
const faultyWorker =
  (worker: SqsHandler): SqsHandler =>
  async (event, context) => {
    // Batches run concurrently (the mapping keeps several in flight): each knows its own number.
    invocations += 1;
    const invocation = invocations;
    deliveries.push(...event.Records);
    const firstReceives = event.Records.filter((record) => record.attributes.ApproximateReceiveCount === '1');
    // Every third record on its first delivery fails before the worker sees it.
    const refused = firstReceives.filter((_, index) => index % 3 === 2);
    failedOnPurpose += refused.length;
    const passed = event.Records.filter((record) => !refused.includes(record));
    const result = passed.length > 0 ? await worker({ Records: passed }, context) : undefined;
    if (invocation === 2) {
      crashedAfterCounting += 1;
      throw new Error('the invocation failed after the worker wrote its results');
    }
    return {
      batchItemFailures: [
        ...refused.map((record) => ({ itemIdentifier: record.messageId })),
        ...(result ? result.batchItemFailures : []),
      ],
    };
  };

beforeAll(async () => {
  const dynamo = testDynamo();
  await clearAllTables(dynamo.documentClient);
  stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    streamStartingPosition: 'LATEST',
    queueVisibilityTimeoutSeconds: visibilityTimeoutSeconds,
    rebuildIntervalMs: 60_000,
    wrapWorker: faultyWorker,
    log: (line) => logLines.push(line),
  });
  sqs = new SQSClient({ endpoint: stack.sqsEndpoint, region: stack.region, credentials: stack.credentials });
}, 60_000);

afterAll(async () => {
  sqs?.destroy();
  await stack?.stop();
});

describe('the pipeline under faults', () => {
  it('loses nothing, counts nothing twice and dead-letters the poison', async () => {
    const users = ['ana', 'ben', 'cho', 'dev'];
    const tokens = new Map<string, string>();
    for (const user of users) tokens.set(user, await stack.mintToken({ sub: user }));
    const expected = new Map<string, number>();
    let recorded = 0;
    const record = async (user: string, quantity: number) => {
      const response = await postGraphQL<{ recordActivity: { points: number } }>(
        stack.graphqlUrl,
        recordActivityMutation,
        { input: { type: 'cycling', quantity } },
        { authorization: tokens.get(user) ?? '' },
      );
      expect(response.errors).toBeUndefined();
      expected.set(user, (expected.get(user) ?? 0) + (response.data?.recordActivity.points ?? 0));
      recorded += 1;
    };

    for (const body of poisonBodies) {
      await sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.queue.url, MessageBody: body }));
    }
    for (let round = 1; round <= 4; round += 1)
      for (const user of users) await record(user, round * 3 + users.indexOf(user));

    // Stop the worker's poller mid-run: once it has handled a batch, while records are still coming.
    await until(() => invocations >= 1, 'the first worker batch', 15_000);
    await stack.worker.stop();
    const invocationsWhileStopped = invocations;
    for (const user of users) await record(user, 7);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(invocations).toBe(invocationsWhileStopped);
    expect(await queueDepth(sqs, stack.queues.queue.url)).toBeGreaterThan(0);
    stack.worker.start();

    const standing = async (user: string): Promise<number | undefined> => {
      const response = await postGraphQL<{ myStanding: { score: number } | null }>(
        stack.graphqlUrl,
        myStandingQuery,
        { boardId: 'global' },
        { authorization: tokens.get(user) ?? '' },
      );
      return response.data?.myStanding?.score;
    };
    const settled = async () => {
      if ((await queueDepth(sqs, stack.queues.queue.url)) > 0) return false;
      if ((await queueDepth(sqs, stack.queues.deadLetter.url)) < poisonBodies.length) return false;
      for (const user of users) if ((await standing(user)) !== expected.get(user)) return false;
      return true;
    };
    await until(settled, 'every activity counted and the poison dead-lettered', 45_000).catch(
      (error: unknown) => {
        throw new Error(`${(error as Error).message}\nlog:\n${logLines.join('\n')}`);
      },
    );
    // Later deliveries, if any were still due, must not change the totals.
    await new Promise((resolve) => setTimeout(resolve, visibilityTimeoutSeconds * 1000 + 500));
    for (const user of users) expect(await standing(user), user).toBe(expected.get(user));

    expect(failedOnPurpose).toBeGreaterThan(0);
    expect(crashedAfterCounting).toBe(1);
    const activityDeliveries = deliveries.filter((delivery) => !poisonBodies.includes(delivery.body));
    expect(new Set(activityDeliveries.map((delivery) => delivery.messageId)).size).toBe(recorded);
    expect(activityDeliveries.length).toBeGreaterThan(recorded);

    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: stack.queues.deadLetter.url,
        MaxNumberOfMessages: 10,
        AttributeNames: ['All'],
      }),
    );
    expect(Messages.map((message) => message.Body).sort()).toEqual([...poisonBodies].sort());
    for (const poison of poisonBodies) {
      const receives = deliveries
        .filter((delivery) => delivery.body === poison)
        .map((d) => d.attributes.ApproximateReceiveCount);
      expect(receives, poison).toEqual(['1', '2', '3'].slice(0, activitiesQueue.deadLetter.maxReceiveCount));
    }
  });
});
