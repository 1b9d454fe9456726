/**
 * The transaction helpers: `transactGet`, and `transactWrite` whose items name their operation
 * (`putItem`, `updateItem`, `deleteItem`, `conditionCheck`) and whose conditions ask for the
 * stored item back when they fail.
 */
import { toMapValues } from '../util/dynamodb-values.ts';
import {
  condition,
  DynamoDBHelperInputError,
  dropUndefined,
  type Json,
  list,
  projection,
  requireObject,
} from './input.ts';
import { updateExpression } from './update-expression.ts';

export function transactGet(input: unknown): Json {
  const items = list(requireObject(input, 'transactGet input').items, 'transactGet items').map((entry) => {
    const item = requireObject(entry, 'transactGet item');
    return dropUndefined({
      table: item.table,
      key: toMapValues(item.key),
      projection: projection(item.projection),
    });
  });
  return { operation: 'TransactGetItems', transactItems: items };
}

function transactCondition(value: unknown): Json | undefined {
  const rendered = condition(value);
  return rendered ? { ...rendered, returnValuesOnConditionCheckFailure: true } : undefined;
}

/** One `transactWrite` item: the fields every operation has, around those of `operation`. */
function transactWriteItem(
  spec: Json,
  operation: string,
  operationFields: (spec: Json) => Json = () => ({}),
): Json {
  return dropUndefined({
    table: spec.table,
    operation,
    key: toMapValues(spec.key),
    ...operationFields(spec),
    condition: transactCondition(spec.condition),
  });
}

export function transactWrite(input: unknown): Json {
  const items = list(requireObject(input, 'transactWrite input').items, 'transactWrite items').map(
    (entry) => {
      const item = requireObject(entry, 'transactWrite item');
      if (item.putItem) {
        return transactWriteItem(requireObject(item.putItem, 'putItem'), 'PutItem', (spec) => ({
          attributeValues: toMapValues(spec.item ?? {}),
        }));
      }
      if (item.updateItem) {
        return transactWriteItem(requireObject(item.updateItem, 'updateItem'), 'UpdateItem', (spec) => ({
          update: updateExpression(spec.update),
        }));
      }
      if (item.deleteItem) {
        return transactWriteItem(requireObject(item.deleteItem, 'deleteItem'), 'DeleteItem');
      }
      if (item.conditionCheck) {
        return transactWriteItem(requireObject(item.conditionCheck, 'conditionCheck'), 'ConditionCheck');
      }
      throw new DynamoDBHelperInputError(
        'transactWrite item needs putItem, updateItem, deleteItem or conditionCheck',
      );
    },
  );
  return { operation: 'TransactWriteItems', transactItems: items };
}
