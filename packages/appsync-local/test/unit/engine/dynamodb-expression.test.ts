/**
 * `util.transform.toDynamoDBFilterExpression` / `toDynamoDBConditionExpression`: the expected
 * strings are the ones AppSync itself renders for these inputs (parentheses, `#field` names,
 * value names carrying the group path, `null` for input it cannot render).
 */
import { describe, expect, test } from 'vitest';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from '../../../src/engine/index.ts';

const render = (filter: unknown) => {
  const json = toDynamoDBFilterExpression(filter);
  return json === null
    ? null
    : (JSON.parse(json) as { expression: string; expressionNames: object; expressionValues: object });
};

describe('operators', () => {
  test.each([
    ['eq', '(#v = :v_eq)'],
    ['ne', '(#v <> :v_ne)'],
    ['lt', '(#v < :v_lt)'],
    ['le', '(#v <= :v_le)'],
    ['gt', '(#v > :v_gt)'],
    ['ge', '(#v >= :v_ge)'],
    ['contains', '(contains(#v,:v_contains))'],
    ['notContains', '(NOT contains(#v,:v_notContains))'],
    ['beginsWith', '(begins_with(#v,:v_beginsWith))'],
  ])('%s', (operator, expression) => {
    expect(render({ v: { [operator]: 'x' } })).toEqual({
      expression,
      expressionNames: { '#v': 'v' },
      expressionValues: { [`:v_${operator}`]: { S: 'x' } },
    });
  });

  test('between, in, attributeExists, attributeType and size', () => {
    expect(render({ v: { between: [1, 9] } })?.expression).toBe(
      '(#v BETWEEN :v_between_start AND :v_between_end)',
    );
    expect(render({ v: { between: [1, 9] } })?.expressionValues).toEqual({
      ':v_between_start': { N: 1 },
      ':v_between_end': { N: 9 },
    });
    expect(render({ v: { in: ['a', 'b'] } })?.expression).toBe('(#v IN (:v_in_0, :v_in_1))');
    expect(render({ v: { attributeExists: false } })).toEqual({
      expression: '(attribute_not_exists(#v))',
      expressionNames: { '#v': 'v' },
      expressionValues: {},
    });
    expect(render({ v: { attributeType: 'stringSet' } })?.expressionValues).toEqual({
      ':v_attributeType': { S: 'SS' },
    });
    expect(render({ v: { size: { gt: 2, lt: 5 } } })?.expression).toBe(
      '((size(#v) > :v_size_gt) AND (size(#v) < :v_size_lt))',
    );
    expect(render({ v: { size: { size: { gt: 1 } } } })?.expression).toBe('(size(#v) > :v_size_size_gt)');
  });

  test('operand types follow util.dynamodb.toDynamoDB', () => {
    expect(render({ v: { eq: { a: [1, true, null] } } })?.expressionValues).toEqual({
      ':v_eq': { M: { a: { L: [{ N: 1 }, { BOOL: true }, { NULL: null }] } } },
    });
  });
});

describe('grouping', () => {
  test('top-level fields are joined with AND without wrapping; a field with two operators is wrapped', () => {
    expect(render({ a: { eq: 1 }, b: { ge: 1, le: 5 } })?.expression).toBe(
      '(#a = :a_eq) AND ((#b >= :b_ge) AND (#b <= :b_le))',
    );
  });

  test('and/or/not nest, and value names carry the path', () => {
    expect(render({ or: [{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, { c: { eq: 3 } }] })).toEqual({
      expression: '(((#a = :or_0_and_0_a_eq) AND (#b = :or_0_and_1_b_eq)) OR (#c = :or_1_c_eq))',
      expressionNames: { '#a': 'a', '#b': 'b', '#c': 'c' },
      expressionValues: {
        ':or_0_and_0_a_eq': { N: 1 },
        ':or_0_and_1_b_eq': { N: 2 },
        ':or_1_c_eq': { N: 3 },
      },
    });
    expect(render({ not: { a: { eq: 1 } } })?.expression).toBe('(NOT (#a = :not_a_eq))');
    expect(render({ and: [{ a: { eq: 1 } }] })?.expression).toBe('(#a = :and_0_a_eq)');
    expect(render({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] })?.expression).toBe(
      '(#a = :a_eq) AND (#b = :and_0_b_eq)',
    );
  });

  test('empty input renders an empty expression', () => {
    expect(render({})).toEqual({ expression: '', expressionNames: {}, expressionValues: {} });
    expect(render({ and: [] })?.expression).toBe('');
    expect(render({ v: {} })).toEqual({
      expression: '',
      expressionNames: { '#v': 'v' },
      expressionValues: {},
    });
  });
});

describe('input AppSync cannot render gives null', () => {
  test.each([
    ['null', null],
    ['an array', []],
    ['a string', 'x'],
    ['an unknown operator', { v: { foo: 1 } }],
    ['a value instead of operators', { v: 'x' }],
    ['a field inside a field', { a: { b: { eq: 1 } } }],
    ['and given a map', { and: { a: { eq: 1 } } }],
    ['a null group member', { and: [{ a: { eq: 1 } }, null] }],
    ['between with one bound', { v: { between: [1] } }],
    ['in given a string', { v: { in: 'x' } }],
    ['attributeExists given a string', { v: { attributeExists: 'yes' } }],
    ['attributeType given a type code', { v: { attributeType: 'S' } }],
    ['size given a number', { v: { size: 3 } }],
  ])('%s', (_name, filter) => {
    expect(toDynamoDBFilterExpression(filter)).toBeNull();
  });
});

test('the condition form renders the same JSON string', () => {
  const filter = { and: [{ id: { attributeExists: true } }, { version: { eq: 1 } }] };
  expect(toDynamoDBConditionExpression(filter)).toBe(
    '{"expression":"((attribute_exists(#id)) AND (#version = :and_1_version_eq))","expressionNames":{"#id":"id","#version":"version"},"expressionValues":{":and_1_version_eq":{"N":1}}}',
  );
});
