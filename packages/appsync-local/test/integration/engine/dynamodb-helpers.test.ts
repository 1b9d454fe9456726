/**
 * Resolvers written from AWS's documented patterns, one per `@aws-appsync/utils/dynamodb`
 * helper, run through the engine against DynamoDB Local: the request object each builds, and
 * what the resolver gets back from the real call.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { activitiesTableName, scoresTableName } from '../../support/tables.ts';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { clearFixtureTables } from '../../support/dynamodb.ts';
import { createHarness } from './harness.ts';

let harness: Awaited<ReturnType<typeof createHarness>>;

beforeAll(async () => {
  harness = await createHarness();
});

beforeEach(async () => {
  await clearFixtureTables(harness.dynamo.documentClient);
  harness.requests.length = 0;
});

const seed = (item: Record<string, unknown>, table: string = scoresTableName) =>
  harness.dynamo.documentClient.send(new PutCommand({ TableName: table, Item: item }));

const read = async (key: Record<string, unknown>, table: string = scoresTableName) =>
  (
    await harness.dynamo.documentClient.send(
      new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
    )
  ).Item;

describe('get', () => {
  test('builds a GetItem request and returns the stored item, or null', async () => {
    await seed({ pk: 'U#1', sk: 'PROFILE', title: 'Ada', points: 7, tags: new Set(['x']) });
    const found = await harness.resolve('Query', 'getItem', { pk: 'U#1', sk: 'PROFILE' });
    expect(harness.requests[0]).toEqual({
      dataSource: 'scores',
      request: {
        operation: 'GetItem',
        key: { pk: { S: 'U#1' }, sk: { S: 'PROFILE' } },
        consistentRead: true,
      },
    });
    expect(found).toEqual({
      data: { pk: 'U#1', sk: 'PROFILE', title: 'Ada', points: 7, tags: ['x'] },
      errors: [],
      extensions: {},
    });

    const missing = await harness.resolve('Query', 'getItem', { pk: 'U#2', sk: 'PROFILE' });
    expect(missing.data).toBeNull();
    expect(missing.errors).toEqual([]);
  });
});

describe('put', () => {
  test('writes key and item with a not-exists condition, and refuses a second different write', async () => {
    const first = await harness.resolve('Mutation', 'putItem', {
      pk: 'U#1',
      sk: 'A#1',
      title: 'Run',
      points: 10,
    });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'PutItem',
      key: { pk: { S: 'U#1' }, sk: { S: 'A#1' } },
      attributeValues: { title: { S: 'Run' }, points: { N: 10 }, tags: { L: [{ S: 'new' }] } },
      condition: {
        expression: '(attribute_not_exists(#pk))',
        expressionNames: { '#pk': 'pk' },
        expressionValues: {},
      },
    });
    expect(first.data).toEqual({ pk: 'U#1', sk: 'A#1', title: 'Run', points: 10, tags: ['new'] });
    expect(await read({ pk: 'U#1', sk: 'A#1' })).toEqual({
      pk: 'U#1',
      sk: 'A#1',
      title: 'Run',
      points: 10,
      tags: ['new'],
    });

    const conflicting = await harness.resolve('Mutation', 'putItem', {
      pk: 'U#1',
      sk: 'A#1',
      title: 'Walk',
      points: 3,
    });
    expect(conflicting.data).toBeNull();
    expect(conflicting.errors).toHaveLength(1);
    expect(conflicting.errors[0]).toMatchObject({
      errorType: 'DynamoDB:ConditionalCheckFailedException',
      // The response handler passed ctx.result: the item as it is stored.
      data: { pk: 'U#1', sk: 'A#1', title: 'Run', points: 10, tags: ['new'] },
    });
    expect(conflicting.errors[0]?.message).toMatch(/conditional request failed/i);
    expect((await read({ pk: 'U#1', sk: 'A#1' }))?.title).toBe('Run');
  });

  test('a retried identical write succeeds: the stored item already is the desired one', async () => {
    await harness.resolve('Mutation', 'putItem', { pk: 'U#1', sk: 'A#2', title: 'Run', points: 10 });
    const retried = await harness.resolve('Mutation', 'putItem', {
      pk: 'U#1',
      sk: 'A#2',
      title: 'Run',
      points: 10,
    });
    expect(retried.errors).toEqual([]);
    expect(retried.data).toEqual({ pk: 'U#1', sk: 'A#2', title: 'Run', points: 10, tags: ['new'] });
  });
});

describe('update', () => {
  test('every operation becomes one SET/REMOVE expression, guarded by the version', async () => {
    await seed({
      pk: 'U#1',
      sk: 'P',
      version: 3,
      points: 10,
      strikes: 5,
      tags: ['a'],
      history: ['b'],
      title: 'Old',
      nickname: 'n',
      slots: ['x', 'y', 'z'],
      profile: { city: 'Rome', zip: '1' },
    });
    const updated = await harness.resolve('Mutation', 'updateItem', {
      pk: 'U#1',
      sk: 'P',
      expectedVersion: 3,
    });
    const request = harness.requests[0]?.request as {
      update: { expression: string; expressionNames: object; expressionValues: object };
      condition: unknown;
    };
    expect(request.update.expression).toBe(
      'SET #expName_1 = #expName_1 + :expValue_1, #expName_2 = #expName_2 + :expValue_2, #expName_3 = #expName_3 - :expValue_3, ' +
        '#expName_4 = list_append(#expName_4, :expValue_4), #expName_5 = list_append(:expValue_5, #expName_5), ' +
        '#expName_6 = :expValue_6, #expName_8 = :expValue_7, #expName_9[1] = :expValue_8, #expName_10.#expName_11 = :expValue_9 ' +
        'REMOVE #expName_7',
    );
    expect(request.update.expressionNames).toEqual({
      '#expName_1': 'points',
      '#expName_2': 'version',
      '#expName_3': 'strikes',
      '#expName_4': 'tags',
      '#expName_5': 'history',
      '#expName_6': 'title',
      '#expName_7': 'nickname',
      '#expName_8': 'badge',
      '#expName_9': 'slots',
      '#expName_10': 'profile',
      '#expName_11': 'city',
    });
    expect(request.update.expressionValues).toEqual({
      ':expValue_1': { N: 5 },
      ':expValue_2': { N: 1 },
      ':expValue_3': { N: 2 },
      ':expValue_4': { L: [{ S: 'late' }] },
      ':expValue_5': { L: [{ S: 'first' }] },
      ':expValue_6': { S: 'Renamed' },
      ':expValue_7': { S: 'gold' },
      ':expValue_8': { S: 'b' },
      ':expValue_9': { S: 'Oslo' },
    });
    expect(request.condition).toEqual({
      expression: '(#version = :version_eq)',
      expressionNames: { '#version': 'version' },
      expressionValues: { ':version_eq': { N: 3 } },
    });
    const expected = {
      pk: 'U#1',
      sk: 'P',
      version: 4,
      points: 15,
      strikes: 3,
      tags: ['a', 'late'],
      history: ['first', 'b'],
      title: 'Renamed',
      badge: 'gold',
      slots: ['x', 'b', 'z'],
      profile: { city: 'Oslo', zip: '1' },
    };
    expect(updated).toEqual({ data: expected, errors: [], extensions: {} });
    expect(await read({ pk: 'U#1', sk: 'P' })).toEqual(expected);

    const stale = await harness.resolve('Mutation', 'updateItem', { pk: 'U#1', sk: 'P', expectedVersion: 3 });
    expect(stale.errors[0]?.errorType).toBe('DynamoDB:ConditionalCheckFailedException');
    expect((await read({ pk: 'U#1', sk: 'P' }))?.points).toBe(15);
  });
});

describe('remove', () => {
  test('deletes only for the owner and returns the deleted item', async () => {
    await seed({ pk: 'U#1', sk: 'D', owner: 'ada' });
    const refused = await harness.resolve('Mutation', 'removeItem', { pk: 'U#1', sk: 'D', owner: 'bob' });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'DeleteItem',
      key: { pk: { S: 'U#1' }, sk: { S: 'D' } },
      condition: {
        expression: '(#owner = :owner_eq)',
        expressionNames: { '#owner': 'owner' },
        expressionValues: { ':owner_eq': { S: 'bob' } },
      },
    });
    expect(refused.errors[0]?.errorType).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(await read({ pk: 'U#1', sk: 'D' })).toBeDefined();

    const removed = await harness.resolve('Mutation', 'removeItem', { pk: 'U#1', sk: 'D', owner: 'ada' });
    expect(removed).toEqual({ data: { pk: 'U#1', sk: 'D', owner: 'ada' }, errors: [], extensions: {} });
    expect(await read({ pk: 'U#1', sk: 'D' })).toBeUndefined();
  });
});

describe('query', () => {
  test('key condition, filter, descending order and pagination with an opaque nextToken', async () => {
    for (const [index, points] of [5, 50, 60, 70, 1].entries())
      await seed({ pk: 'U#1', sk: `A#${index}`, points });
    await seed({ pk: 'U#1', sk: 'PROFILE', points: 99 });
    await seed({ pk: 'U#2', sk: 'A#0', points: 99 });

    const first = await harness.resolve('Query', 'queryItems', {
      pk: 'U#1',
      prefix: 'A#',
      minPoints: 10,
      limit: 3,
    });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'Query',
      query: {
        expression: '#pk = :pk_eq AND begins_with(#sk, :sk_beginsWith)',
        expressionNames: { '#pk': 'pk', '#sk': 'sk' },
        expressionValues: { ':pk_eq': { S: 'U#1' }, ':sk_beginsWith': { S: 'A#' } },
      },
      filter: {
        expression: '(#points >= :points_ge)',
        expressionNames: { '#points': 'points' },
        expressionValues: { ':points_ge': { N: 10 } },
      },
      limit: 3,
      scanIndexForward: false,
    });
    const page1 = first.data as { items: { sk: string }[]; nextToken: string | null; scannedCount: number };
    // Limit counts items read before the filter: A#4 (1 point) is read and dropped.
    expect(page1.items.map((item) => item.sk)).toEqual(['A#3', 'A#2']);
    expect(page1.scannedCount).toBe(3);
    expect(page1.nextToken).toEqual(expect.any(String));
    expect(JSON.parse(Buffer.from(page1.nextToken as string, 'base64').toString('utf8'))).toEqual({
      pk: { S: 'U#1' },
      sk: { S: 'A#2' },
    });

    const second = await harness.resolve('Query', 'queryItems', {
      pk: 'U#1',
      prefix: 'A#',
      minPoints: 10,
      limit: 3,
      nextToken: page1.nextToken,
    });
    const page2 = second.data as { items: { sk: string }[]; nextToken: string | null };
    expect(page2.items.map((item) => item.sk)).toEqual(['A#1']);
    expect(page2.nextToken).toBeNull();
  });

  test('queries an index with between and a projection', async () => {
    await seed({ pk: 'U#1', sk: 'T', shardKey: 'global#0', rankKey: '0005', secret: 's' });
    await seed({ pk: 'U#2', sk: 'T', shardKey: 'global#0', rankKey: '0010', secret: 's' });
    await seed({ pk: 'U#3', sk: 'T', shardKey: 'global#0', rankKey: '0020', secret: 's' });
    const found = await harness.resolve('Query', 'queryIndex', {
      shardKey: 'global#0',
      from: '0001',
      to: '0010',
    });
    expect(harness.requests[0]?.request).toMatchObject({
      operation: 'Query',
      index: 'byScore',
      query: {
        expression: '#shardKey = :shardKey_eq AND #rankKey BETWEEN :rankKey_between_0 AND :rankKey_between_1',
        expressionValues: { ':rankKey_between_0': { S: '0001' }, ':rankKey_between_1': { S: '0010' } },
      },
      projection: {
        expression: '#proj_0, #proj_1',
        expressionNames: { '#proj_0': 'pk', '#proj_1': 'rankKey' },
      },
    });
    expect(found.data).toEqual([
      { pk: 'U#1', rankKey: '0005' },
      { pk: 'U#2', rankKey: '0010' },
    ]);
  });
});

describe('scan', () => {
  test('scans with an or-filter', async () => {
    await seed({ pk: 'A', sk: '1', title: 'Morning run', points: 5 });
    await seed({ pk: 'B', sk: '1', title: 'Yoga', points: 500 });
    await seed({ pk: 'C', sk: '1', title: 'Swim', points: 5 });
    const found = await harness.resolve('Query', 'scanItems', { titleContains: 'run' });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'Scan',
      consistentRead: true,
      filter: {
        expression: '((contains(#title,:or_0_title_contains)) OR (#points > :or_1_points_gt))',
        expressionNames: { '#title': 'title', '#points': 'points' },
        expressionValues: { ':or_0_title_contains': { S: 'run' }, ':or_1_points_gt': { N: 100 } },
      },
    });
    expect((found.data as { pk: string }[]).map((item) => item.pk).sort()).toEqual(['A', 'B']);
  });
});

describe('batch operations', () => {
  test('batchPut, batchGet across two tables (in key order, null when missing), batchDelete', async () => {
    const put = await harness.resolve('Mutation', 'batchPutItems', {
      items: [
        { pk: 'U#1', sk: 'T', points: 1 },
        { pk: 'U#2', sk: 'T', points: 2 },
      ],
    });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'BatchPutItem',
      tables: {
        [scoresTableName]: [
          { pk: { S: 'U#1' }, sk: { S: 'T' }, points: { N: 1 } },
          { pk: { S: 'U#2' }, sk: { S: 'T' }, points: { N: 2 } },
        ],
      },
    });
    expect(put.data).toEqual({
      data: {
        [scoresTableName]: [
          { pk: 'U#1', sk: 'T', points: 1 },
          { pk: 'U#2', sk: 'T', points: 2 },
        ],
      },
      unprocessedItems: { [scoresTableName]: [] },
    });
    await seed({ pk: 'ACT#9', points: 9, userId: 'u' }, activitiesTableName);

    const got = await harness.resolve('Query', 'batchGetItems', {
      scoreKeys: [
        { pk: 'U#2', sk: 'T' },
        { pk: 'U#404', sk: 'T' },
        { pk: 'U#1', sk: 'T' },
      ],
      activityIds: ['ACT#9'],
    });
    expect(harness.requests[1]?.request).toEqual({
      operation: 'BatchGetItem',
      tables: {
        [scoresTableName]: {
          keys: [
            { pk: { S: 'U#2' }, sk: { S: 'T' } },
            { pk: { S: 'U#404' }, sk: { S: 'T' } },
            { pk: { S: 'U#1' }, sk: { S: 'T' } },
          ],
          consistentRead: true,
        },
        [activitiesTableName]: {
          keys: [{ pk: { S: 'ACT#9' } }],
          projection: {
            expression: '#proj_0, #proj_1',
            expressionNames: { '#proj_0': 'pk', '#proj_1': 'points' },
          },
        },
      },
    });
    expect(got.data).toEqual({
      data: {
        [scoresTableName]: [{ pk: 'U#2', sk: 'T', points: 2 }, null, { pk: 'U#1', sk: 'T', points: 1 }],
        [activitiesTableName]: [{ pk: 'ACT#9', points: 9 }],
      },
      unprocessedKeys: { [scoresTableName]: [], [activitiesTableName]: [] },
    });

    const deleted = await harness.resolve('Mutation', 'batchDeleteItems', { keys: [{ pk: 'U#1', sk: 'T' }] });
    expect(harness.requests[2]?.request).toEqual({
      operation: 'BatchDeleteItem',
      tables: { [scoresTableName]: [{ pk: { S: 'U#1' }, sk: { S: 'T' } }] },
    });
    expect(deleted.data).toEqual({
      data: { [scoresTableName]: [{ pk: 'U#1', sk: 'T' }] },
      unprocessedKeys: { [scoresTableName]: [] },
    });
    expect(await read({ pk: 'U#1', sk: 'T' })).toBeUndefined();
    expect(await read({ pk: 'U#2', sk: 'T' })).toBeDefined();
  });
});

describe('transactions', () => {
  test('transactGet reads items from two tables in request order', async () => {
    await seed({ pk: 'U#1', sk: 'TOTAL', points: 3 });
    await seed({ pk: 'ACT#1', points: 3, userId: 'u' }, activitiesTableName);
    const got = await harness.resolve('Query', 'transactGetItems', {
      scoreKey: { pk: 'U#1', sk: 'TOTAL' },
      activityId: 'ACT#1',
    });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'TransactGetItems',
      transactItems: [
        { table: scoresTableName, key: { pk: { S: 'U#1' }, sk: { S: 'TOTAL' } } },
        {
          table: activitiesTableName,
          key: { pk: { S: 'ACT#1' } },
          projection: {
            expression: '#proj_0, #proj_1',
            expressionNames: { '#proj_0': 'pk', '#proj_1': 'points' },
          },
        },
      ],
    });
    expect(got.data).toEqual([
      { pk: 'U#1', sk: 'TOTAL', points: 3 },
      { pk: 'ACT#1', points: 3 },
    ]);
  });

  test('transactWrite commits all items, returning their keys', async () => {
    await seed({ pk: 'CONFIG', sk: 'OPEN', open: true });
    const written = await harness.resolve('Mutation', 'transactWriteItems', {
      activityId: 'ACT#1',
      userId: 'u1',
      points: 4,
    });
    expect(harness.requests[0]?.request).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: activitiesTableName,
          operation: 'PutItem',
          key: { pk: { S: 'ACT#1' } },
          attributeValues: { userId: { S: 'u1' }, points: { N: 4 } },
          condition: {
            expression: '(attribute_not_exists(#pk))',
            expressionNames: { '#pk': 'pk' },
            expressionValues: {},
            returnValuesOnConditionCheckFailure: true,
          },
        },
        {
          table: scoresTableName,
          operation: 'UpdateItem',
          key: { pk: { S: 'USER#u1' }, sk: { S: 'TOTAL' } },
          update: {
            expression: 'SET #expName_1 = :expValue_1',
            expressionNames: { '#expName_1': 'points' },
            expressionValues: { ':expValue_1': { N: 4 } },
          },
        },
        {
          table: scoresTableName,
          operation: 'ConditionCheck',
          key: { pk: { S: 'CONFIG' }, sk: { S: 'OPEN' } },
          condition: {
            expression: '(#open = :open_eq)',
            expressionNames: { '#open': 'open' },
            expressionValues: { ':open_eq': { BOOL: true } },
            returnValuesOnConditionCheckFailure: true,
          },
        },
      ],
    });
    expect(written).toEqual({
      data: [{ pk: 'ACT#1' }, { pk: 'USER#u1', sk: 'TOTAL' }, { pk: 'CONFIG', sk: 'OPEN' }],
      errors: [],
      extensions: {},
    });
    expect(await read({ pk: 'ACT#1' }, activitiesTableName)).toEqual({
      pk: 'ACT#1',
      userId: 'u1',
      points: 4,
    });
  });

  test('a transactWrite cancelled by a condition writes nothing and reports each reason', async () => {
    await seed({ pk: 'CONFIG', sk: 'OPEN', open: true });
    await seed({ pk: 'ACT#1', userId: 'u1', points: 4 }, activitiesTableName);
    await seed({ pk: 'USER#u1', sk: 'TOTAL', points: 4 });

    const duplicate = await harness.resolve('Mutation', 'transactWriteItems', {
      activityId: 'ACT#1',
      userId: 'u1',
      points: 4,
    });
    expect(duplicate.data).toBeNull();
    expect(duplicate.errors).toEqual([
      {
        message: expect.stringMatching(/Transaction cancelled/i),
        errorType: 'DynamoDB:TransactionCanceledException',
        data: null,
        errorInfo: {
          cancellationReasons: [
            {
              type: 'ConditionalCheckFailed',
              message: 'The conditional request failed',
              item: { pk: 'ACT#1', userId: 'u1', points: 4 },
            },
            { type: 'None', message: null },
            { type: 'None', message: null },
          ],
        },
      },
    ]);
    expect((await read({ pk: 'USER#u1', sk: 'TOTAL' }))?.points).toBe(4);
  });
});
