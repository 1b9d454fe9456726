/**
 * A closed-loop load generator, run as a process of its own so that its work is not counted
 * against the server it measures: `concurrency` callers, each calling again as soon as its
 * previous call answered, for `durationMs`. It prints one JSON line: calls, failures by type,
 * latencies.
 *
 * Modes:
 * - `graphql`: `recordActivity` over HTTP, each call with the next user's token (users in turn,
 *   so none reaches the per-minute rate limit); with `batch`, `recordActivities` with that many
 *   activities per call;
 * - `direct`: what `recordActivity` asks of DynamoDB, sent straight to DynamoDB Local with the
 *   SDK: one consistent BatchGetItem (the activity's key, the day's points), a GetItem of the
 *   user's team assignment, then one transaction putting the activity and updating the two
 *   counters, with the resolver's conditions.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { activitiesTable, scoresTable, serviceConfig } from '@leaderboard/core';
import { teamAssignmentKey } from '@leaderboard/core/items/team-assignment';
import { activityKey, encodeActivity } from '@leaderboard/core/items/activity';
import {
  dailyPointsAddition,
  dailyPointsKey,
  rateCounterIncrement,
  rateCounterKey,
} from '@leaderboard/core/items/counters';
import { localCredentials, localRegion } from '@leaderboard/local/aws/dynamodb-local';

export interface LoadRequest {
  readonly mode: 'graphql' | 'direct';
  /** Closed loop: callers that call again as soon as answered. */
  readonly concurrency: number;
  /** Open loop instead: this many calls per second, whatever the answers' pace. */
  readonly rate?: number;
  /** Idempotency keys are `<keyPrefix><n>` (graphql mode), so an observer can follow each activity. */
  readonly keyPrefix?: string;
  readonly durationMs: number;
  readonly graphqlUrl?: string;
  /** A JSON file holding the users' tokens (graphql mode). */
  readonly tokensFile?: string;
  readonly dynamoEndpoint?: string;
  /** Direct mode's users are `<prefix><n>`. */
  readonly userPrefix?: string;
  readonly users?: number;
  /** Graphql mode: each user makes this many calls in a row (a phone syncing what it recorded offline); 1 by default. */
  readonly burst?: number;
  /** Graphql mode: each call is one `recordActivities` of this many activities instead of one `recordActivity`. */
  readonly batch?: number;
}

export interface LoadResult {
  readonly calls: number;
  readonly failures: Record<string, number>;
  readonly latenciesMs: number[];
  /** Open loop: each accepted call's idempotency key and when its answer came (epoch ms). */
  readonly answers?: Array<{ readonly key: string; readonly at: number }>;
  readonly elapsedMs: number;
  /** This process's own CPU time during the load. */
  readonly cpuMs: number;
}

const mutation = `mutation Record($input: RecordActivityInput!) { recordActivity(input: $input) { id points } }`;
const batchMutation = `mutation RecordAll($inputs: [RecordActivityInput!]!) { recordActivities(inputs: $inputs) { id points } }`;

/** The GraphQL request of call `index`: one activity, or `batch` of them, keyed `<keyPrefix><index>[-<n>]`. */
function recordingRequest(load: LoadRequest, index: number): string {
  const input = (key: string) => ({
    type: 'cycling',
    quantity: 5,
    ...(load.keyPrefix ? { idempotencyKey: `${load.keyPrefix}${key}` } : {}),
  });
  if (!load.batch) return JSON.stringify({ query: mutation, variables: { input: input(`${index}`) } });
  const inputs = Array.from({ length: load.batch }, (_, n) => input(`${index}-${n}`));
  return JSON.stringify({ query: batchMutation, variables: { inputs } });
}

type Caller = (index: number) => Promise<string | null>;

function graphqlCaller(load: LoadRequest): Caller {
  const tokens = JSON.parse(readFileSync(load.tokensFile!, 'utf8')) as string[];
  const url = new URL(load.graphqlUrl!);
  // Idle sockets are dropped before the server's 5 s keep-alive timeout closes them: a request sent
  // on a socket the server is closing fails with ECONNRESET, a race of the client, not of capacity.
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency || Infinity, timeout: 4_000 });
  return (index) =>
    new Promise((resolve) => {
      const token = tokens[Math.floor(index / (load.burst ?? 1)) % tokens.length]!;
      const body = recordingRequest(load, index);
      const call = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: token,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            let answer: { errors?: Array<{ errorType?: string; message: string }> };
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof answer;
            } catch {
              resolve(`HTTP ${response.statusCode ?? '?'} without a JSON body`);
              return;
            }
            const error = answer.errors?.[0];
            resolve(error ? (error.errorType ?? error.message) : null);
          });
        },
      );
      call.on('error', (error) => resolve(`client:${error.message}`));
      call.end(body);
    });
}

function directCaller(load: LoadRequest): Caller {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: load.dynamoEndpoint, region: localRegion, credentials: localCredentials }),
  );
  const table = activitiesTable.name;
  return async (index) => {
    const userId = `${load.userPrefix ?? 'direct-'}${index % (load.users ?? 1000)}`;
    const nowMs = Date.now();
    const key = randomUUID();
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const minute = Math.floor(nowMs / 60_000);
    try {
      await client.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: [activityKey(userId, key), dailyPointsKey(userId, day, 'cycling')],
              ConsistentRead: true,
            },
          },
        }),
      );
      await client.send(new GetCommand({ TableName: scoresTable.name, Key: teamAssignmentKey(userId) }));
      const now = new Date(nowMs).toISOString();
      const activity = encodeActivity({
        key,
        id: randomUUID(),
        userId,
        displayName: userId,
        type: 'cycling',
        quantity: 5,
        points: 5,
        basePoints: 5,
        programId: null,
        occurredAt: now,
        recordedAt: now,
        idempotencyKey: null,
        processedAt: null,
      });
      const rate = rateCounterIncrement((minute + 1) * 60 + 180, serviceConfig.rateLimitPerMinute);
      const daily = dailyPointsAddition(5, Math.floor(nowMs / 1000) + 9 * 86_400, 300);
      const update = (itemKey: object, change: typeof rate) => ({
        Update: {
          TableName: table,
          Key: itemKey,
          UpdateExpression: change.update.expression,
          ConditionExpression: change.condition.expression,
          ExpressionAttributeNames: { ...change.update.names, ...change.condition.names },
          ExpressionAttributeValues: { ...change.update.values, ...change.condition.values },
        },
      });
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: activity,
                ConditionExpression: 'attribute_not_exists(#pk)',
                ExpressionAttributeNames: { '#pk': 'pk' },
              },
            },
            update(rateCounterKey(userId, minute), rate),
            update(dailyPointsKey(userId, day, 'cycling'), daily),
          ],
        }),
      );
      return null;
    } catch (error) {
      return (error as Error).name;
    }
  };
}

export async function runLoad(load: LoadRequest): Promise<LoadResult> {
  const call = load.mode === 'graphql' ? graphqlCaller(load) : directCaller(load);
  const latenciesMs: number[] = [];
  const failures: Record<string, number> = {};
  const answers: NonNullable<LoadResult['answers']> = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + load.durationMs;
  let next = 0;
  const timed = async (index: number) => {
    const callStarted = performance.now();
    const failure = await call(index);
    latenciesMs.push(performance.now() - callStarted);
    if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
    else if (load.rate) answers.push({ key: `${load.keyPrefix ?? ''}${index}`, at: Date.now() });
  };
  if (load.rate) {
    const pending: Array<Promise<void>> = [];
    for (let index = 0; started + (index * 1000) / load.rate < deadline; index += 1) {
      const wait = started + (index * 1000) / load.rate - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(timed(index));
    }
    await Promise.all(pending);
  } else {
    const caller = async () => {
      while (performance.now() < deadline) await timed(next++);
    };
    await Promise.all(Array.from({ length: load.concurrency }, caller));
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    calls: latenciesMs.length,
    failures,
    latenciesMs,
    ...(load.rate ? { answers } : {}),
    elapsedMs: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

if (process.argv[2]) {
  const result = await runLoad(JSON.parse(process.argv[2]) as LoadRequest);
  // Exit only once the whole line is written: a pipe takes a large write in several goes.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}
