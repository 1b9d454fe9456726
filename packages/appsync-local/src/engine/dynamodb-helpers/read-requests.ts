/** The reading helpers: `query` (its key condition from `{ pk: { eq: ... } }`), `scan` and `sync`. */
import type { DynamoDBExpressionJson } from '../util/dynamodb-expression.ts';
import { toDynamoDB, type AttributeValueJson } from '../util/dynamodb-values.ts';
import {
  DynamoDBHelperInputError,
  dropUndefined,
  filter,
  type Json,
  projection,
  requireObject,
  withOptional,
} from './input.ts';

const keyComparisons: Record<string, string> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** `{ pk: { eq: 'a' }, sk: { beginsWith: 'b' } }` to a key condition expression. */
function keyCondition(query: unknown): DynamoDBExpressionJson {
  const terms: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, AttributeValueJson> = {};
  for (const [field, operators] of Object.entries(requireObject(query, 'query'))) {
    const name = `#${field}`;
    names[name] = field;
    for (const [operator, operand] of Object.entries(requireObject(operators, `query.${field}`))) {
      const valueName = `:${field}_${operator}`;
      const comparison = keyComparisons[operator];
      if (comparison) {
        values[valueName] = toDynamoDB(operand);
        terms.push(`${name} ${comparison} ${valueName}`);
      } else if (operator === 'beginsWith') {
        values[valueName] = toDynamoDB(operand);
        terms.push(`begins_with(${name}, ${valueName})`);
      } else if (operator === 'between' && Array.isArray(operand) && operand.length === 2) {
        values[`${valueName}_0`] = toDynamoDB(operand[0]);
        values[`${valueName}_1`] = toDynamoDB(operand[1]);
        terms.push(`${name} BETWEEN ${valueName}_0 AND ${valueName}_1`);
      } else {
        throw new DynamoDBHelperInputError(`unsupported key condition ${field}.${operator}`);
      }
    }
  }
  if (terms.length === 0) throw new DynamoDBHelperInputError('query needs a condition on the partition key');
  return { expression: terms.join(' AND '), expressionNames: names, expressionValues: values };
}

const readOptions = ['index', 'limit', 'nextToken', 'consistentRead', 'select'] as const;

export function query(input: unknown): Json {
  const payload = requireObject(input, 'query input');
  return dropUndefined(
    withOptional(
      {
        operation: 'Query',
        query: keyCondition(payload.query),
        filter: filter(payload.filter),
        projection: projection(payload.projection),
      },
      payload,
      [...readOptions, 'scanIndexForward'],
    ),
  );
}

export function scan(input: unknown): Json {
  const payload = requireObject(input ?? {}, 'scan input');
  return dropUndefined(
    withOptional(
      { operation: 'Scan', filter: filter(payload.filter), projection: projection(payload.projection) },
      payload,
      [...readOptions, 'totalSegments', 'segment'],
    ),
  );
}

export function sync(input: unknown): Json {
  const payload = requireObject(input ?? {}, 'sync input');
  return dropUndefined(
    withOptional({ operation: 'Sync', filter: filter(payload.filter) }, payload, [
      'basePartitionKey',
      'deltaIndexName',
      'limit',
      'nextToken',
      'lastSync',
    ]),
  );
}
