/**
 * The pipeline under every fault at once, with the real worker behind the real event source
 * mapping: each batch is delivered three times, 20% of first receives crash at a random point,
 * a poison message sits in the queue, and DynamoDB throttles 10% of the worker's, rebuilder's
 * and API data sources' calls and loses the answer of 3% of their writes after applying them. A fixed-rate load of `recordActivity`
 * runs meanwhile, from clients that retry with their idempotency key and sometimes send the same
 * key twice. Afterwards every aggregate must equal the sum of the accepted activities, every
 * activity must be processed, and the dead-letter queue must hold the poison and nothing else.
 *
 * The load runs 25 s at 8 activities/s here (200 activities) to keep the suite within its
 * time on a two-core CI machine; `bench/lag.bench.ts` runs the full 60 s at 25-100/s.
 */
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { queueDepth } from '../../support/sqs.ts';
import { until } from '../stack/stack-test-kit.ts';
import {
  differences,
  dynamoDbFaults,
  expectedTotals,
  faultyDelivery,
  openLoop,
  recordWithRetries,
  seededRandom,
  storedActivities,
  warmAuthorizations,
  warmWorkers,
  storedTotals,
  type AcceptedActivity,
  type AwsFaultCounts,
  type DeliveryFaultCounts,
} from './reliability-kit.ts';

const seed = Number(process.env['RELIABILITY_SEED'] ?? Date.now() % 1_000_000);
const loadRate = 8;
const loadMs = 25_000;
const users = Array.from({ length: 40 }, (_, index) => `reliable-${index}`);
const visibilityTimeoutSeconds = 6;
const poison = 'a message no stream record ever looked like';

const deliveries: DeliveryFaultCounts = { batches: 0, crashedBatches: 0, deliveries: 0 };
const awsFaults: AwsFaultCounts = { throttledBefore: 0, failedAfterApplying: 0 };
const logLines: string[] = [];
let stack: LocalStack;
let sqs: SQSClient;
const dynamo = testDynamo();

beforeAll(async () => {
  await clearAllTables(dynamo.documentClient);
  const random = seededRandom(seed);
  stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    streamStartingPosition: 'LATEST',
    // Long enough for a batch's three deliveries on a loaded machine: a message still in work that
    // becomes visible again is received again, and three receives send even a counted one to the DLQ.
    queueVisibilityTimeoutSeconds: visibilityTimeoutSeconds,
    rebuildIntervalMs: 60_000,
    wrapWorker: faultyDelivery(random, 0.2, deliveries),
    observe: {
      aws: {
        // The pipeline's and the API data sources' calls; the authorizer's would turn into refusals.
        injectFault: dynamoDbFaults(
          random,
          { throttle: 0.1, lostAnswer: 0.03 },
          awsFaults,
          (principalArn) => !principalArn.endsWith('/Authorizer'),
        ),
      },
    },
    log: (line) => logLines.push(line),
  });
  sqs = new SQSClient({ endpoint: stack.sqsEndpoint, region: stack.region, credentials: stack.credentials });
}, 60_000);

afterAll(async () => {
  sqs?.destroy();
  await stack?.stop();
});

describe(`the pipeline under delivery, crash and DynamoDB faults (seed ${seed})`, () => {
  it('counts every accepted activity exactly once and dead-letters only the poison', async () => {
    const tokens = new Map<string, string>();
    for (const user of users) tokens.set(user, await stack.mintToken({ sub: user }));
    await warmAuthorizations(stack.graphqlUrl, tokens.values());
    await warmWorkers(stack);
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.queue.url, MessageBody: poison }));

    const started = Date.now();
    const outcomes = await openLoop(loadRate, loadMs, async (index) => {
      const user = users[index % users.length]!;
      const input = { type: 'cycling', quantity: 1 + (index % 7), idempotencyKey: `load-${index}` };
      const first = await recordWithRetries(stack.graphqlUrl, tokens.get(user)!, input);
      // One client in ten sends the same activity again (a retry after a lost answer): same id, counted once.
      if (index % 10 !== 0 || !first.accepted) return [first];
      const again = await recordWithRetries(stack.graphqlUrl, tokens.get(user)!, input);
      expect(again.accepted?.id, `a retry of load-${index}`).toBe(first.accepted.id);
      return [first, again];
    });
    const accepted: AcceptedActivity[] = outcomes.flat().flatMap((outcome) => outcome.accepted ?? []);
    const refused = outcomes.flat().filter((outcome) => !outcome.accepted);
    expect(
      refused.map((outcome) => outcome.errorType),
      logLines.slice(-40).join('\n'),
    ).toEqual([]);

    const loadEnded = Date.now();
    const expected = expectedTotals(accepted);
    const ourUsers = new Set(users);
    const settled = async () =>
      (await queueDepth(sqs, stack.queues.queue.url)) === 0 &&
      (await queueDepth(sqs, stack.queues.deadLetter.url)) >= 1 &&
      (await storedActivities(dynamo.documentClient, ourUsers)).unprocessed === 0 &&
      differences(expected, await storedTotals(dynamo.documentClient, ourUsers)).length === 0;
    await until(settled, 'every accepted activity counted and the poison dead-lettered', 90_000).catch(
      async (error: unknown) => {
        const diff = differences(expected, await storedTotals(dynamo.documentClient, ourUsers));
        throw new Error(
          `${(error as Error).message}\ndifferences (${diff.length}):\n${diff.slice(0, 20).join('\n')}\nlog:\n${logLines.slice(-30).join('\n')}`,
        );
      },
    );
    const settledAt = Date.now();
    // Deliveries still due (a crashed batch's last redelivery) must not change anything.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(differences(expected, await storedTotals(dynamo.documentClient, ourUsers))).toEqual([]);
    const log = await storedActivities(dynamo.documentClient, ourUsers);
    expect(log.ids).toEqual(new Set(accepted.map((activity) => activity.id)));

    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.queues.deadLetter.url, MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((message) => message.Body)).toEqual([poison]);

    // Each fault really happened.
    expect(accepted.length).toBeGreaterThanOrEqual((loadRate * loadMs) / 1000);
    expect(deliveries.crashedBatches).toBeGreaterThan(0);
    expect(deliveries.deliveries).toBeGreaterThanOrEqual((3 * (loadRate * loadMs)) / 1000);
    expect(awsFaults.throttledBefore).toBeGreaterThan(0);
    expect(awsFaults.failedAfterApplying).toBeGreaterThan(0);
    console.log(
      `seed ${seed}: ${accepted.length} accepted, ${deliveries.batches} batches (${deliveries.crashedBatches} crashed), ` +
        `${deliveries.deliveries} deliveries, ${awsFaults.throttledBefore} throttled calls, ${awsFaults.failedAfterApplying} lost answers; ` +
        `load ${loadEnded - started} ms, settled ${settledAt - loadEnded} ms after`,
    );
  }, 180_000);
});
