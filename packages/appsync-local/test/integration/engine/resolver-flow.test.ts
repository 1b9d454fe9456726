/**
 * Unit and pipeline resolver flow through the engine: stash and `ctx.prev.result` across a
 * pipeline, `runtime.earlyReturn` with NEXT and END, `util.error`/`appendError`/`unauthorized`
 * shapes, runtime errors with the resolver's own line, the sandbox's walls, and the Lambda event.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { scoresTableName } from '../../support/tables.ts';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { clearFixtureTables } from '../../support/dynamodb.ts';
import { createHarness } from './harness.ts';

let harness: Awaited<ReturnType<typeof createHarness>>;
const lambdaEvents: unknown[] = [];

beforeAll(async () => {
  harness = await createHarness(async (event) => {
    lambdaEvents.push(event);
    return { answered: true };
  });
});

beforeEach(async () => {
  await clearFixtureTables(harness.dynamo.documentClient);
  harness.requests.length = 0;
  lambdaEvents.length = 0;
});

const points = async (userId: string) =>
  (
    await harness.dynamo.documentClient.send(
      new GetCommand({
        TableName: scoresTableName,
        Key: { pk: `USER#${userId}`, sk: 'PROFILE' },
        ConsistentRead: true,
      }),
    )
  ).Item?.points;

describe('pipeline resolver', () => {
  test('runs before, each function (request, data source, response) and after, sharing the stash', async () => {
    await harness.dynamo.documentClient.send(
      new PutCommand({
        TableName: scoresTableName,
        Item: { pk: 'USER#ada', sk: 'PROFILE', points: 1, banned: false },
      }),
    );
    const outcome = await harness.resolve('Mutation', 'awardPoints', { userId: 'ada', points: 5 });
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toEqual({
      result: { pk: 'USER#ada', sk: 'PROFILE', points: 6, banned: false },
      trace: [
        'before',
        'loadUser after {"started":"ada"}',
        'checkBanned',
        'addPoints after {"allowed":"USER#ada"}',
        'after',
      ],
    });
    expect(harness.requests.map((request) => request.dataSource)).toEqual(['scores', 'none', 'scores']);
    expect(await points('ada')).toBe(6);
  });

  test('earlyReturn with NEXT skips one function; its value becomes ctx.prev.result', async () => {
    const outcome = await harness.resolve('Mutation', 'awardPoints', { userId: 'new', points: 2 });
    expect(outcome.data).toEqual({
      result: { pk: 'USER#new', sk: 'PROFILE', points: 2 },
      trace: ['before', 'loadUser after {"started":"new"}', 'addPoints after {"created":true}', 'after'],
    });
    // checkBanned returned early, so its data source (NONE) was never called.
    expect(harness.requests.map((request) => request.dataSource)).toEqual(['scores', 'scores']);
  });

  test('earlyReturn with END skips the remaining functions and runs the after step', async () => {
    await harness.dynamo.documentClient.send(
      new PutCommand({
        TableName: scoresTableName,
        Item: { pk: 'USER#eve', sk: 'PROFILE', points: 1, banned: true },
      }),
    );
    const outcome = await harness.resolve('Mutation', 'awardPoints', { userId: 'eve', points: 5 });
    expect(outcome.data).toEqual({
      result: { banned: true },
      trace: ['before', 'loadUser after {"started":"eve"}', 'after'],
    });
    expect(await points('eve')).toBe(1);
  });

  test('earlyReturn in the before step skips every function', async () => {
    const outcome = await harness.resolve('Mutation', 'awardPoints', { userId: 'ada', points: 0 });
    expect(outcome.data).toEqual({ result: { skipped: 'no points' }, trace: ['before', 'after'] });
    expect(harness.requests).toEqual([]);
  });
});

describe('errors', () => {
  test('util.error ends the field with its type, data and errorInfo, after appended errors', async () => {
    const outcome = await harness.resolve('Query', 'errorShapes', { mode: 'error' });
    expect(outcome).toEqual({
      data: null,
      errors: [
        {
          message: 'first warning',
          errorType: 'Warning',
          data: { step: 1 },
          errorInfo: { hint: 'appended' },
        },
        {
          message: 'Invalid input',
          errorType: 'ValidationError',
          data: { field: 'mode' },
          errorInfo: { code: 42 },
        },
      ],
      extensions: {},
    });
    expect(harness.requests).toEqual([]);
  });

  test('util.error with a message only', async () => {
    const outcome = await harness.resolve('Query', 'errorShapes', { mode: 'plain' });
    expect(outcome.errors[1]).toEqual({ message: 'Just a message', data: null, errorInfo: null });
  });

  test('util.unauthorized names the field and type', async () => {
    const outcome = await harness.resolve('Query', 'errorShapes', { mode: 'unauthorized' });
    expect(outcome.data).toBeNull();
    expect(outcome.errors[1]).toEqual({
      message: 'Not Authorized to access errorShapes on type Query',
      errorType: 'Unauthorized',
      data: null,
      errorInfo: null,
    });
  });

  test('appendError alone keeps the data', async () => {
    const outcome = await harness.resolve('Query', 'errorShapes', { mode: 'ok' });
    expect(outcome.data).toEqual({ reached: 'data source' });
    expect(outcome.errors).toEqual([
      { message: 'first warning', errorType: 'Warning', data: { step: 1 }, errorInfo: { hint: 'appended' } },
    ]);
  });

  test('a runtime error names the resolver source line', async () => {
    const outcome = await harness.resolve('Query', 'crash', {});
    expect(outcome.data).toBeNull();
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toEqual({
      message: expect.stringMatching(
        /^.*fixtures\/resolvers\/src\/Query\.crash\.ts:6:\d+: TypeError: Cannot read properties of undefined \(reading 'value'\)$/,
      ),
      errorType: 'Code',
      data: null,
      errorInfo: null,
    });
  });
});

describe('sandbox walls', () => {
  test.each(['ctx', 'util'])(
    'the Function constructor reached through %s cannot compile code',
    async (via) => {
      const outcome = await harness.resolve('Query', 'escape', { via });
      expect(outcome.data).toBeNull();
      expect(outcome.errors[0]?.message).toMatch(/Code generation from strings disallowed/);
    },
  );
});

describe('AWS_LAMBDA data source', () => {
  test('without a payload the handler gets the AppSync event built from ctx', async () => {
    const outcome = await harness.resolve(
      'Query',
      'lambdaEvent',
      { id: '7' },
      { resolverContext: { userId: 'ada' } },
    );
    expect(outcome.data).toEqual({ answered: true });
    expect(lambdaEvents).toEqual([
      {
        arguments: { id: '7' },
        identity: { resolverContext: { userId: 'ada' } },
        source: null,
        request: { headers: { 'x-trace': 'abc' }, domainName: null },
        info: {
          fieldName: 'lambdaEvent',
          parentTypeName: 'Query',
          variables: {},
          selectionSetList: ['pk'],
          selectionSetGraphQL: '{ pk }',
        },
        prev: null,
        stash: { via: 'lambda' },
      },
    ]);
  });
});

describe('NONE data source', () => {
  test('returns the payload, with ctx.env and ctx.info visible to the handler', async () => {
    const outcome = await harness.resolve('Query', 'echo', { text: 'hi' });
    expect(outcome).toEqual({ data: { text: 'hi', field: 'echo', env: 'test' }, errors: [], extensions: {} });
  });
});
