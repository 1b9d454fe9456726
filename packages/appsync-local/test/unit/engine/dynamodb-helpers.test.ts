/** Request objects built by the `@aws-appsync/utils/dynamodb` helpers (no DynamoDB involved). */
import { describe, expect, test } from 'vitest';
import { dynamodbHelpers as ddb } from '../../../src/engine/index.ts';

describe('single-item helpers', () => {
  test('get, put and remove convert keys and items with toMapValues', () => {
    expect(ddb.get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
    expect(ddb.put({ key: { id: 'abc' }, item: { value: 10 } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { value: { N: 10 } },
    });
    expect(ddb.remove({ key: { id: 'test' } })).toEqual({
      operation: 'DeleteItem',
      key: { id: { S: 'test' } },
    });
    expect(ddb.scan({ limit: 10, nextToken: 'abc' })).toEqual({
      operation: 'Scan',
      limit: 10,
      nextToken: 'abc',
    });
  });

  test('conditions render like util.transform', () => {
    expect(
      ddb.put({ key: { id: 'a' }, item: {}, condition: { id: { attributeExists: false } } }).condition,
    ).toEqual({
      expression: '(attribute_not_exists(#id))',
      expressionNames: { '#id': 'id' },
      expressionValues: {},
    });
  });

  test('each update operation, one per attribute', () => {
    const single = (update: Record<string, unknown>) =>
      (ddb.update({ key: { id: 'test' }, update }) as { update: { expression: string } }).update.expression;
    expect(single({ age: ddb.operations.add(10) })).toBe('SET #expName_1 = :expValue_1');
    expect(single({ age: ddb.operations.increment(10) })).toBe('SET #expName_1 = #expName_1 + :expValue_1');
    expect(single({ age: ddb.operations.decrement(10) })).toBe('SET #expName_1 = #expName_1 - :expValue_1');
    expect(single({ values: ddb.operations.append([1, 2, 3]) })).toBe(
      'SET #expName_1 = list_append(#expName_1, :expValue_1)',
    );
    expect(single({ values: ddb.operations.prepend([1, 2, 3]) })).toBe(
      'SET #expName_1 = list_append(:expValue_1, #expName_1)',
    );
    expect(single({ values: ddb.operations.replace({ a: 10 }) })).toBe('SET #expName_1 = :expValue_1');
    expect(single({ gone: ddb.operations.remove() })).toBe('REMOVE #expName_1');
    expect(single({ list: [ddb.operations.updateListItem('x', 2)] })).toBe('SET #expName_1[2] = :expValue_1');
    expect(
      ddb.update({ key: { id: 'test' }, update: { values: ddb.operations.replace({ a: 10 }) } }),
    ).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'test' } },
      update: {
        expression: 'SET #expName_1 = :expValue_1',
        expressionNames: { '#expName_1': 'values' },
        expressionValues: { ':expValue_1': { M: { a: { N: 10 } } } },
      },
    });
    expect(() => ddb.update({ key: { id: 'x' }, update: {} })).toThrow(/at least one attribute/);
  });

  test('operation markers', () => {
    expect(ddb.operations.add(10)).toEqual({ type: 'OPERATION_ADD', value: 10 });
    expect(ddb.operations.increment(10)).toEqual({ type: 'OPERATION_INCREMENT', by: 10 });
    expect(ddb.operations.append([1])).toEqual({ type: 'OPERATION_APPEND', items: [1] });
  });
});

describe('query', () => {
  test('key conditions, filter, index and options', () => {
    expect(
      ddb.query({
        index: 'byScore',
        query: { shardKey: { eq: 'g#1' }, rankKey: { lt: '5' } },
        filter: { active: { eq: true } },
        limit: 5,
        scanIndexForward: false,
        select: 'ALL_ATTRIBUTES',
      }),
    ).toEqual({
      operation: 'Query',
      index: 'byScore',
      query: {
        expression: '#shardKey = :shardKey_eq AND #rankKey < :rankKey_lt',
        expressionNames: { '#shardKey': 'shardKey', '#rankKey': 'rankKey' },
        expressionValues: { ':shardKey_eq': { S: 'g#1' }, ':rankKey_lt': { S: '5' } },
      },
      filter: {
        expression: '(#active = :active_eq)',
        expressionNames: { '#active': 'active' },
        expressionValues: { ':active_eq': { BOOL: true } },
      },
      limit: 5,
      scanIndexForward: false,
      select: 'ALL_ATTRIBUTES',
    });
  });

  test('a query without a key condition, or with an unknown operator, is refused', () => {
    expect(() => ddb.query({ query: {} })).toThrow(/partition key/);
    expect(() => ddb.query({ query: { pk: { contains: 'x' } } })).toThrow(/unsupported key condition/);
  });

  test('projections name each path segment', () => {
    expect(ddb.projection(['id', 'author.name', 'tags[1]', 'author.id'])).toEqual({
      expression: '#proj_0, #proj_1.#proj_2, #proj_3[1], #proj_1.#proj_0',
      expressionNames: { '#proj_0': 'id', '#proj_1': 'author', '#proj_2': 'name', '#proj_3': 'tags' },
    });
  });
});

describe('batch and transaction helpers', () => {
  test('batch requests keep table names as given', () => {
    expect(
      ddb.batchGet({ tables: { post: { keys: [{ id: '1' }], consistentRead: false, projection: ['id'] } } }),
    ).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: {
          keys: [{ id: { S: '1' } }],
          consistentRead: false,
          projection: { expression: '#proj_0', expressionNames: { '#proj_0': 'id' } },
        },
      },
    });
    expect(ddb.batchPut({ tables: { post: [{ id: 'one', value: 'x' }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: { post: [{ id: { S: 'one' }, value: { S: 'x' } }] },
    });
    expect(ddb.batchDelete({ tables: { post: [{ id: 'one' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: { post: [{ id: { S: 'one' } }] },
    });
  });

  test('transactions name a table and an operation per item', () => {
    expect(ddb.transactGet({ items: [{ table: 'post', key: { id: '1' } }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'post', key: { id: { S: '1' } } }],
    });
    const write = ddb.transactWrite({
      items: [
        { deleteItem: { table: 'post', key: { id: '2' } } },
        { conditionCheck: { table: 'post', key: { id: '3' }, condition: { id: { attributeExists: true } } } },
      ],
    });
    expect(write).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'post', operation: 'DeleteItem', key: { id: { S: '2' } } },
        {
          table: 'post',
          operation: 'ConditionCheck',
          key: { id: { S: '3' } },
          condition: {
            expression: '(attribute_exists(#id))',
            expressionNames: { '#id': 'id' },
            expressionValues: {},
            returnValuesOnConditionCheckFailure: true,
          },
        },
      ],
    });
    expect(() => ddb.transactWrite({ items: [{ bogus: {} }] })).toThrow(
      /putItem, updateItem, deleteItem or conditionCheck/,
    );
  });

  test('set helpers', () => {
    expect(ddb.toStringSet(['a'])).toEqual({ SS: ['a'] });
    expect(ddb.toNumberSet([1, 2])).toEqual({ NS: [1, 2] });
    expect(ddb.toBinarySet(['Zm9v'])).toEqual({ BS: ['Zm9v'] });
  });
});
