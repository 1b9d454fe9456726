/**
 * The transactions: TransactGetItems and TransactWriteItems across tables; a cancelled
 * transaction answers with a null result field and its `cancellationReasons`, as AppSync does.
 */
import {
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import { toPlainItem, toSdkItem } from './attribute-values.ts';
import type { DataSourceOutcome } from './data-source.ts';
import {
  type DynamoDbTarget,
  dynamoError,
  type Item,
  type Json,
  list,
  type Operation,
} from './dynamodb-operation.ts';
import { ExpressionAttributes } from './expressions.ts';

async function transactGetItems(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const items = list(body.transactItems, 'transactItems').map((entry) => {
    const spec = (entry ?? {}) as Json;
    const attributes = new ExpressionAttributes();
    const projection = attributes.add(spec.projection, 'projection');
    return {
      Get: {
        TableName: target.physical(spec.table),
        Key: toSdkItem(spec.key),
        ...(projection ? { ProjectionExpression: projection } : {}),
        ...attributes.parameters(),
      },
    };
  });
  try {
    const output = await target.client.send(new TransactGetItemsCommand({ TransactItems: items }));
    return {
      result: {
        items: (output.Responses ?? []).map((response) => toPlainItem(response.Item)),
        cancellationReasons: null,
      },
    };
  } catch (error) {
    return transactionFailure(error, 'items');
  }
}

async function transactWriteItems(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const specs = list(body.transactItems, 'transactItems').map((entry) => (entry ?? {}) as Json);
  const items = specs.map((spec) => transactWriteItem(target, spec));
  try {
    await target.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
  } catch (error) {
    return transactionFailure(error, 'keys');
  }
  return {
    result: { keys: specs.map((spec) => toPlainItem(toSdkItem(spec.key))), cancellationReasons: null },
  };
}

/** One entry of `transactItems` as the SDK's Put, Update, Delete or ConditionCheck. */
function transactWriteItem(target: DynamoDbTarget, spec: Json): TransactWriteItem {
  const attributes = new ExpressionAttributes();
  const condition = attributes.add(spec.condition, 'condition');
  const returnOld =
    (spec.condition as Json | undefined)?.returnValuesOnConditionCheckFailure === true
      ? ('ALL_OLD' as const)
      : undefined;
  const conditionPart = condition
    ? {
        ConditionExpression: condition,
        ...(returnOld ? { ReturnValuesOnConditionCheckFailure: returnOld } : {}),
      }
    : {};
  const addressed = { TableName: target.physical(spec.table), Key: toSdkItem(spec.key) };
  switch (spec.operation) {
    case 'PutItem':
      return {
        Put: {
          TableName: addressed.TableName,
          Item: { ...toSdkItem(spec.attributeValues ?? {}), ...addressed.Key },
          ...conditionPart,
          ...attributes.parameters(),
        },
      };
    case 'UpdateItem': {
      const update = attributes.add(spec.update, 'update');
      return {
        Update: { ...addressed, UpdateExpression: update, ...conditionPart, ...attributes.parameters() },
      };
    }
    case 'DeleteItem':
      return { Delete: { ...addressed, ...conditionPart, ...attributes.parameters() } };
    case 'ConditionCheck':
      if (!condition) throw new DataSourceRequestError('ConditionCheck needs a condition', 'MappingTemplate');
      return {
        ConditionCheck: { ...addressed, ConditionExpression: condition, ...attributes.parameters() },
      };
    default:
      throw new DataSourceRequestError(
        `Unsupported transaction operation '${String(spec.operation)}'`,
        'MappingTemplate',
      );
  }
}

function transactionFailure(error: unknown, resultField: 'items' | 'keys'): DataSourceOutcome {
  const reasons = (error as { CancellationReasons?: { Code?: string; Message?: string; Item?: Item }[] })
    .CancellationReasons;
  if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
  return {
    result: {
      [resultField]: null,
      cancellationReasons: reasons.map((reason) => ({
        type: reason.Code ?? 'None',
        message: reason.Message ?? null,
        ...(reason.Item ? { item: toPlainItem(reason.Item) } : {}),
      })),
    },
    error: dynamoError(error),
  };
}

export const transactionOperations: Readonly<Record<string, Operation>> = {
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};
