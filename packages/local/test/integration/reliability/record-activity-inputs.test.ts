/**
 * 1,000 generated `recordActivity` inputs through the whole stack, each from a user of its own:
 * every one is either accepted (and stored as answered) or refused with one of the API's error
 * types (or, for a value its scalar refuses, GraphQL's variable error) and a message that gives
 * nothing internal away, and a refused one leaves nothing in
 * DynamoDB under its user, neither in the log and its counters nor, once the pipeline has run, in
 * the Scores table. Inputs are valid GraphQL (the schema's types) with arbitrary values: known and
 * unknown activity types, any finite quantity, odd and oversized strings, dates far and near.
 * Then generated `recordActivities` calls of 1 to 6 such inputs: all of a call stored, or none.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activitiesTable, errorTypes, scoresTable } from '@leaderboard/core';
import { activityCatalog } from '@leaderboard/core/catalog';
import { activityAttributes } from '@leaderboard/core/items/activity';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { postGraphQL, until } from '../stack/stack-test-kit.ts';

const seed = Number(process.env['RELIABILITY_SEED'] ?? Date.now() % 1_000_000);
const inputsPerRun = 25;
const runs = 40;
const knownErrorTypes = new Set<string>(Object.values(errorTypes));
/** What a message must never show: stack frames, AWS service errors, host paths. */
const internalText = /\bat .+:\d+|Exception|DynamoDB|ConditionalCheck|\/work\/|node_modules|\.ts\b/;

const dynamo = testDynamo();
let stack: LocalStack;
let nextUser = 0;

beforeAll(async () => {
  await clearAllTables(dynamo.documentClient);
  stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    streamStartingPosition: 'LATEST',
    rebuildIntervalMs: 60_000,
    log: () => {},
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const isoAround = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const knownType = fc.constantFrom(...activityCatalog.map((definition) => definition.type));

/** Inputs a client would plausibly send: mostly accepted, refused where a value is out of range. */
const plausibleInput = fc.record(
  {
    type: knownType,
    quantity: fc.oneof(
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 300 }).map((tenths) => tenths / 10),
      fc.double({ min: 0, max: 120, noNaN: true }),
    ),
    idempotencyKey: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    occurredAt: fc.integer({ min: -6 * 86_400_000, max: 0 }).map(isoAround),
  },
  { requiredKeys: ['type', 'quantity'] },
);

/** Anything the schema's types allow. */
const wildInput = fc.record(
  {
    type: fc.oneof(knownType, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
    quantity: fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -10, max: 100_000 }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.constantFrom(0, -0, 1e-300, 5e-324, Number.MAX_SAFE_INTEGER, 1e308),
    ),
    idempotencyKey: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constant(''),
    ),
    programId: fc.oneof(fc.string({ maxLength: 80 }), fc.constant('no-such-program')),
    occurredAt: fc.oneof(
      fc.integer({ min: -10 * 86_400_000, max: 10 * 60_000 }).map(isoAround),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('2026-13-01T00:00:00Z', 'yesterday', '', '2026-02-30T10:00:00.000Z'),
    ),
  },
  { requiredKeys: ['type', 'quantity'] },
);

const recordInput = fc.oneof({ arbitrary: plausibleInput, weight: 1 }, { arbitrary: wildInput, weight: 1 });

type RecordInput = typeof recordInput extends fc.Arbitrary<infer T> ? T : never;

interface Outcome {
  readonly userId: string;
  readonly input: RecordInput;
  readonly accepted?: { id: string; type: string; quantity: number; points: number };
  readonly error?: { errorType?: string; message: string };
}

const mutation = `mutation Record($input: RecordActivityInput!) {
  recordActivity(input: $input) { id type quantity points }
}`;

type GraphQLError = NonNullable<Outcome['error']>;

/** Sends one mutation as a user of its own, new to the service. */
async function sendAsNewUser<Data>(
  userPrefix: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ userId: string; data: Data | undefined; error: GraphQLError | undefined }> {
  const userId = `${userPrefix}-${seed}-${(nextUser += 1)}`;
  const token = await stack.mintToken({ sub: userId });
  const answer = await postGraphQL<Data>(stack.graphqlUrl, query, variables, { authorization: token });
  return { userId, data: answer.data ?? undefined, error: answer.errors?.[0] };
}

async function record(input: RecordInput): Promise<Outcome> {
  const { userId, data, error } = await sendAsNewUser<{ recordActivity: Outcome['accepted'] | null }>(
    'fc',
    mutation,
    { input },
  );
  if (error) return { userId, input, error };
  return { userId, input, accepted: data?.recordActivity ?? undefined };
}

/** Items of both tables whose key names one of these users. */
async function itemsOf(userIds: readonly string[]): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byUser = new Map<string, Array<Record<string, unknown>>>(userIds.map((id) => [id, []]));
  for (const table of [activitiesTable.name, scoresTable.name]) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.documentClient.send(
        new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) {
        // Keys are `<PREFIX>#<userId>[#...]`; the user id is the second part.
        const owner = String(item['pk']).split('#')[1] ?? '';
        byUser.get(owner)?.push(item);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return byUser;
}

/** Refused before any resolver ran: a value its GraphQL scalar does not accept (AppSync sets no errorType). */
const isScalarRefusal = (error: { errorType?: string; message: string }) =>
  error.errorType === undefined && /^Variable 'inputs?' has an invalid value/.test(error.message);

/** A refusal the API owns: one of its error types (or GraphQL's variable error), nothing internal shown. */
function checkRefusal(error: GraphQLError, label: string): void {
  if (!isScalarRefusal(error)) expect(knownErrorTypes, label).toContain(error.errorType);
  expect(error.message, label).not.toMatch(internalText);
  expect(error.errorType, label).not.toBe(errorTypes.internal);
}

function checkAnswer(outcome: Outcome): void {
  const label = JSON.stringify(outcome.input);
  if (outcome.error) {
    checkRefusal(outcome.error, label);
  } else {
    expect(outcome.accepted, label).toBeDefined();
    expect(outcome.accepted?.points, label).toBeGreaterThanOrEqual(0);
  }
}

function checkStored(outcome: Outcome, items: ReadonlyArray<Record<string, unknown>>): void {
  const label = JSON.stringify(outcome.input);
  if (outcome.error) {
    expect(items, `refused ${label} left items`).toEqual([]);
    return;
  }
  const activities = items.filter((item) => item[activityAttributes.id] !== undefined);
  expect(
    activities.map((item) => item[activityAttributes.id]),
    label,
  ).toEqual([outcome.accepted?.id]);
  expect(activities[0]?.[activityAttributes.points], label).toBe(outcome.accepted?.points);
  expect(activities[0]?.[activityAttributes.type], label).toBe(outcome.accepted?.type);
}

describe(`recordActivity on generated inputs (seed ${seed})`, () => {
  it('accepts or refuses each with a clear error type, and stores nothing for the refused', async () => {
    const all: Outcome[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordInput, { minLength: inputsPerRun, maxLength: inputsPerRun }),
        async (inputs) => {
          const outcomes = await Promise.all(inputs.map(record));
          all.push(...outcomes);
          outcomes.forEach(checkAnswer);
          const stored = await itemsOf(outcomes.map((outcome) => outcome.userId));
          for (const outcome of outcomes)
            checkStored(
              outcome,
              (stored.get(outcome.userId) ?? []).filter((item) => String(item['pk']).startsWith('ACT')),
            );
        },
      ),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const refused = all.filter((outcome) => outcome.error);
    const accepted = all.filter((outcome) => outcome.accepted);
    console.log(`seed ${seed}: ${accepted.length} accepted, ${refused.length} refused`);
    expect(all).toHaveLength(inputsPerRun * runs);
    // The generators reach both sides.
    expect(refused.length).toBeGreaterThan(100);
    expect(accepted.length).toBeGreaterThan(100);

    // Once the pipeline has counted the accepted ones, the refused still have nothing anywhere.
    const acceptedWithPoints = accepted.filter((outcome) => (outcome.accepted?.points ?? 0) > 0);
    await until(
      async () => {
        const stored = await itemsOf(acceptedWithPoints.map((outcome) => outcome.userId));
        return [...stored.values()].every((items) =>
          items.some((item) => String(item['pk']).startsWith('USER')),
        );
      },
      'the pipeline to count every accepted activity',
      60_000,
    );
    const stored = await itemsOf(refused.map((outcome) => outcome.userId));
    for (const outcome of refused) checkStored(outcome, stored.get(outcome.userId) ?? []);
  }, 240_000);

  it('records a generated recordActivities call whole or not at all, with a clear error type', async () => {
    const callsPerRun = 5;
    const batchRuns = 20;
    const batchInput = fc.oneof(
      { arbitrary: plausibleInput, weight: 6 },
      { arbitrary: wildInput, weight: 1 },
    );
    const batch = fc.array(batchInput, { minLength: 1, maxLength: 6 });
    interface BatchCall {
      readonly userId: string;
      readonly inputs: RecordInput[];
      readonly accepted?: Array<{ id: string; points: number }>;
      readonly error?: GraphQLError;
    }
    const calls: BatchCall[] = [];
    const recordAll = async (inputs: RecordInput[]): Promise<BatchCall> => {
      const { userId, data, error } = await sendAsNewUser<{
        recordActivities: Array<{ id: string; points: number }> | null;
      }>(
        'fcb',
        `mutation RecordAll($inputs: [RecordActivityInput!]!) { recordActivities(inputs: $inputs) { id points } }`,
        { inputs },
      );
      return error ? { userId, inputs, error } : { userId, inputs, accepted: data?.recordActivities ?? [] };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(batch, { minLength: callsPerRun, maxLength: callsPerRun }),
        async (batches) => {
          const answered = await Promise.all(batches.map(recordAll));
          calls.push(...answered);
          const stored = await itemsOf(answered.map((call) => call.userId));
          for (const call of answered) {
            const label = JSON.stringify(call.inputs);
            const items = stored.get(call.userId) ?? [];
            if (call.error) {
              checkRefusal(call.error, label);
              expect(items, `refused ${label} left items`).toEqual([]);
            } else {
              const activities = items.filter(
                (item) => String(item['pk']).startsWith('ACT#') && item[activityAttributes.id] !== undefined,
              );
              expect(call.accepted, label).toHaveLength(call.inputs.length);
              expect(activities.map((item) => item[activityAttributes.id]).sort(), label).toEqual(
                (call.accepted ?? []).map((activity) => activity.id).sort(),
              );
            }
          }
        },
      ),
      { numRuns: batchRuns, seed, endOnFailure: true },
    );
    const refusedCalls = calls.filter((call) => call.error).length;
    console.log(`seed ${seed}: ${calls.length - refusedCalls} calls accepted, ${refusedCalls} refused`);
    expect(calls).toHaveLength(callsPerRun * batchRuns);
    // The generators reach both sides.
    expect(refusedCalls).toBeGreaterThan(5);
    expect(calls.length - refusedCalls).toBeGreaterThan(5);
  }, 120_000);
});
