/** The single-item helpers: `get`, `put`, `remove` and `update` as GetItem, PutItem, DeleteItem and UpdateItem requests. */
import { toMapValues } from '../util/dynamodb-values.ts';
import { condition, dropUndefined, type Json, projection, requireObject, withOptional } from './input.ts';
import { updateExpression } from './update-expression.ts';

export function get(input: unknown): Json {
  const payload = requireObject(input, 'get input');
  return dropUndefined(
    withOptional(
      { operation: 'GetItem', key: toMapValues(payload.key), projection: projection(payload.projection) },
      payload,
      ['consistentRead'],
    ),
  );
}

const versioning = ['customPartitionKey', 'populateIndexFields', '_version'] as const;

export function put(input: unknown): Json {
  const payload = requireObject(input, 'put input');
  return dropUndefined(
    withOptional(
      {
        operation: 'PutItem',
        key: toMapValues(payload.key),
        attributeValues: toMapValues(payload.item ?? {}),
        condition: condition(payload.condition),
      },
      payload,
      versioning,
    ),
  );
}

export function remove(input: unknown): Json {
  const payload = requireObject(input, 'remove input');
  return dropUndefined(
    withOptional(
      { operation: 'DeleteItem', key: toMapValues(payload.key), condition: condition(payload.condition) },
      payload,
      versioning,
    ),
  );
}

export function update(input: unknown): Json {
  const payload = requireObject(input, 'update input');
  return dropUndefined(
    withOptional(
      {
        operation: 'UpdateItem',
        key: toMapValues(payload.key),
        update: updateExpression(payload.update),
        condition: condition(payload.condition),
      },
      payload,
      versioning,
    ),
  );
}
