/**
 * The reliability suite's parts: a seeded random source, the delivery faults played around the
 * real worker (each batch delivered three times, some batches crashing at a random point), the
 * AWS faults the IAM gateway injects into DynamoDB calls, an open-loop load at a fixed rate, and
 * the check that every aggregate equals the sum of the accepted activities.
 */
import type { SQSBatchItemFailure } from 'aws-lambda';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activitiesQueue, activitiesTable, scoresTable } from '@leaderboard/core';
import { boardsForActivity } from '@leaderboard/core/boards';
import { activityAttributes } from '@leaderboard/core/items/activity';
import { kindAttribute } from '@leaderboard/core/items/item';
import { totalAttributes } from '@leaderboard/core/items/total';
import { itemKinds } from '@leaderboard/core/keys';
import type { SqsHandler } from '../../../src/emulators/event-source-mapping.ts';
import type { FaultContext, InjectedFault } from '../../../src/iam/gateway.ts';
import type { LocalStack } from '../../../src/stack/local-stack.ts';
import { postGraphQL, recordActivityMutation } from '../stack/stack-test-kit.ts';

/** mulberry32: small, seedable, good enough to pick faults; the seed is logged so a failure replays. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the worker was put through; the test checks each fault really happened. */
export interface DeliveryFaultCounts {
  batches: number;
  crashedBatches: number;
  deliveries: number;
}

/** The worker crashed at a chosen point of its batch; the whole batch comes back after its visibility timeout. */
export class InjectedWorkerCrash extends Error {
  override readonly name = 'InjectedWorkerCrash';
}

/**
 * Every batch goes to the real worker three times (two pollers receiving it at once, then a late
 * redelivery); a batch crashes instead with probability `crashRate` on its first receive, after
 * applying a random prefix of its records (none, some, or all of them). Only first receives
 * crash, so no valid activity runs out of receives and reaches the dead-letter queue.
 */
export function faultyDelivery(
  random: () => number,
  crashRate: number,
  counts: DeliveryFaultCounts,
): (worker: SqsHandler) => SqsHandler {
  return (worker) => async (event, context) => {
    counts.batches += 1;
    const firstReceive = event.Records.every((record) => record.attributes.ApproximateReceiveCount === '1');
    if (firstReceive && random() < crashRate) {
      counts.crashedBatches += 1;
      const point = Math.floor(random() * (event.Records.length + 1));
      if (point > 0) {
        counts.deliveries += point;
        await worker({ Records: event.Records.slice(0, point) }, context);
      }
      throw new InjectedWorkerCrash(`crashed after ${point} of ${event.Records.length} records`);
    }
    const deliver = async () => {
      counts.deliveries += event.Records.length;
      return (await worker(event, context)) ?? { batchItemFailures: [] };
    };
    const responses = await Promise.all([deliver(), deliver()]);
    responses.push(await deliver());
    const failed = new Map<string, SQSBatchItemFailure>();
    for (const response of responses)
      for (const failure of response.batchItemFailures) failed.set(failure.itemIdentifier, failure);
    return { batchItemFailures: [...failed.values()] };
  };
}

export interface AwsFaultCounts {
  throttledBefore: number;
  failedAfterApplying: number;
}

const writeOperations = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
]);

/**
 * DynamoDB as it fails under load: some calls throttled before they reach the table, some writes
 * applied but answered with a 500 (the answer lost). The SDK's retries see them as AWS errors.
 */
export function dynamoDbFaults(
  random: () => number,
  rates: { readonly throttle: number; readonly lostAnswer: number },
  counts: AwsFaultCounts,
  appliesTo: (principalArn: string) => boolean,
): (call: FaultContext) => InjectedFault | undefined {
  return (call) => {
    if (call.api !== 'DynamoDB_20120810' || !appliesTo(call.principalArn)) return undefined;
    const draw = random();
    if (draw < rates.throttle) {
      counts.throttledBefore += 1;
      return random() < 0.5
        ? {
            status: 400,
            type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            message: 'The level of configured provisioned throughput for the table was exceeded.',
          }
        : {
            status: 400,
            type: 'com.amazon.coral.availability#ThrottlingException',
            message: 'Rate exceeded',
          };
    }
    if (writeOperations.has(call.operation) && draw < rates.throttle + rates.lostAnswer) {
      counts.failedAfterApplying += 1;
      return {
        status: 500,
        type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: 'Internal server error',
        afterApplying: true,
      };
    }
    return undefined;
  };
}

export interface AcceptedActivity {
  readonly id: string;
  readonly userId: string;
  readonly points: number;
  readonly occurredAtMs: number;
}

interface RecordedAnswer {
  readonly recordActivity: { id: string; userId: string; points: number } | null;
}

/** Error types after which a client retries with the same idempotency key (an execution timeout may have recorded it). */
const retryable = new Set(['InternalFailure', 'ConcurrentModification', 'ExecutionTimeout']);

/**
 * Records one activity as a careful client does: with an idempotency key, retrying with the same
 * key while the API answers a retryable error. Returns the accepted activity, or the refusal.
 */
export async function recordWithRetries(
  graphqlUrl: string,
  token: string,
  input: Record<string, unknown>,
  maxAttempts = 8,
): Promise<{ accepted?: AcceptedActivity; errorType?: string; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await postGraphQL<RecordedAnswer>(
      graphqlUrl,
      recordActivityMutation,
      { input },
      {
        authorization: token,
      },
    );
    const error = answer.errors?.[0];
    const recorded = answer.data?.recordActivity;
    if (!error && recorded) {
      return {
        accepted: {
          id: recorded.id,
          userId: recorded.userId,
          points: recorded.points,
          occurredAtMs: Date.now(),
        },
        attempts: attempt,
      };
    }
    const errorType = error?.errorType ?? 'none';
    if (!retryable.has(errorType) || attempt >= maxAttempts) return { errorType, attempts: attempt };
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

/**
 * One cheap authorized call per token, retried until it passes, so the API caches each token's
 * authorization (60 s) before a load starts: a cold authorizer on a loaded machine can time out
 * fetching the issuer's keys, which is a start-up matter, not what a load test is about.
 */
export async function warmAuthorizations(graphqlUrl: string, tokens: Iterable<string>): Promise<void> {
  const query = 'query Warm { activityTypes { type } }';
  for (const token of tokens) {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await postGraphQL(graphqlUrl, query, {}, { authorization: token });
      if (!answer.errors) break;
      if (attempt >= 5) throw new Error(`authorizing a token failed: ${JSON.stringify(answer.errors)}`);
    }
  }
}

/**
 * Starts as many worker environments as the event source mapping keeps batches in flight: an
 * environment starting on a loaded machine can outlast a short test visibility timeout, and its
 * batch would be received again while still in work.
 */
export async function warmWorkers(stack: LocalStack): Promise<void> {
  await Promise.all(
    Array.from({ length: activitiesQueue.batch.maximumConcurrency }, () =>
      stack.functions.Worker.invoke({ Records: [] }),
    ),
  );
}

/** Calls `call(i)` at `rate` per second for `durationMs` whatever the answers' pace (open loop); resolves when all answered. */
export async function openLoop<T>(
  rate: number,
  durationMs: number,
  call: (index: number) => Promise<T>,
): Promise<T[]> {
  const started = Date.now();
  const pending: Array<Promise<T>> = [];
  const total = Math.floor((rate * durationMs) / 1000);
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(call(index));
  }
  return Promise.all(pending);
}

async function scanAll(
  client: DynamoDBDocumentClient,
  table: string,
  kind: string,
): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        FilterExpression: '#kind = :kind',
        ExpressionAttributeNames: { '#kind': kindAttribute },
        ExpressionAttributeValues: { ':kind': kind },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** `user|board` → score, as the accepted activities add up (each activity once, by id). */
export function expectedTotals(accepted: readonly AcceptedActivity[]): Map<string, number> {
  const byId = new Map(accepted.map((activity) => [activity.id, activity]));
  const totals = new Map<string, number>();
  for (const activity of byId.values()) {
    if (activity.points <= 0) continue;
    for (const board of boardsForActivity({ programId: null, occurredAtMs: activity.occurredAtMs })) {
      const key = `${activity.userId}|${board}`;
      totals.set(key, (totals.get(key) ?? 0) + activity.points);
    }
  }
  return totals;
}

/** `user|board` → score as the Scores table holds it, for the given users. */
export async function storedTotals(
  client: DynamoDBDocumentClient,
  users: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const item of await scanAll(client, scoresTable.name, itemKinds.total)) {
    const userId = String(item[totalAttributes.userId]);
    if (users.has(userId))
      totals.set(`${userId}|${String(item[totalAttributes.boardId])}`, Number(item[totalAttributes.score]));
  }
  return totals;
}

/** Activities of the given users in the log, and how many of them the worker has not marked processed. */
export async function storedActivities(
  client: DynamoDBDocumentClient,
  users: ReadonlySet<string>,
): Promise<{ ids: Set<string>; unprocessed: number }> {
  const ids = new Set<string>();
  let unprocessed = 0;
  for (const item of await scanAll(client, activitiesTable.name, itemKinds.activity)) {
    if (!users.has(String(item[activityAttributes.userId]))) continue;
    ids.add(String(item[activityAttributes.id]));
    if (item[activityAttributes.processedAt] === undefined) unprocessed += 1;
  }
  return { ids, unprocessed };
}

/** The entries where two maps differ, for a readable failure. */
export function differences(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  return [...keys]
    .filter((key) => expected.get(key) !== actual.get(key))
    .map((key) => `${key}: expected ${expected.get(key) ?? 'none'}, stored ${actual.get(key) ?? 'none'}`);
}
