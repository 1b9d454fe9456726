/**
 * The single-item operations: GetItem, PutItem, UpdateItem and DeleteItem on the data source's
 * table, with AppSync's reading of a failed condition (the stored item next to the error, or
 * success when the stored item already is the desired one).
 */
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { toPlainItem, toSdkItem } from './attribute-values.ts';
import type { DataSourceOutcome } from './data-source.ts';
import {
  dynamoError,
  type DynamoDbTarget,
  type Item,
  type Json,
  type Operation,
} from './dynamodb-operation.ts';
import { ExpressionAttributes } from './expressions.ts';

const isConditionFailure = (error: unknown): error is { name: string; Item?: Item } =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** A write's condition; when it fails, DynamoDB returns the stored item, which AppSync reports. */
const conditionParameters = (condition: string | undefined) =>
  condition
    ? { ConditionExpression: condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
    : {};

/** A failed condition: the stored item as the result, next to the error. */
const conditionFailed = (error: { name: string; Item?: Item }): DataSourceOutcome => ({
  result: toPlainItem(error.Item),
  error: dynamoError(error),
});

function sameItem(current: Item | undefined, desired: Item, ignored: readonly string[]): boolean {
  if (!current) return false;
  const strip = (item: Item): Json => {
    const copy: Json = { ...(toPlainItem(item) ?? {}) };
    for (const field of ignored) delete copy[field];
    return copy;
  };
  return JSON.stringify(sortKeys(strip(current))) === JSON.stringify(sortKeys(strip(desired)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Json)[key])]),
    );
  }
  return value;
}

const conditionOf = (body: Json, attributes: ExpressionAttributes): string | undefined =>
  attributes.add(body.condition, 'condition');

const equalsIgnore = (body: Json): string[] =>
  Array.isArray((body.condition as Json | undefined)?.equalsIgnore)
    ? ((body.condition as Json).equalsIgnore as string[])
    : [];

async function getItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const projection = attributes.add(body.projection, 'projection');
  const output = await target.client.send(
    new GetItemCommand({
      TableName: target.table,
      Key: toSdkItem(body.key),
      ...(typeof body.consistentRead === 'boolean' ? { ConsistentRead: body.consistentRead } : {}),
      ...(projection ? { ProjectionExpression: projection } : {}),
      ...attributes.parameters(),
    }),
  );
  return { result: toPlainItem(output.Item) };
}

async function putItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const item = { ...toSdkItem(body.attributeValues ?? {}), ...toSdkItem(body.key) };
  const attributes = new ExpressionAttributes();
  const condition = conditionOf(body, attributes);
  try {
    await target.client.send(
      new PutItemCommand({
        TableName: target.table,
        Item: item,
        ...conditionParameters(condition),
        ...attributes.parameters(),
      }),
    );
  } catch (error) {
    // AppSync treats a failed condition as success when the stored item already is the desired one.
    if (isConditionFailure(error) && sameItem(error.Item, item, equalsIgnore(body)))
      return { result: toPlainItem(item) };
    if (isConditionFailure(error)) return conditionFailed(error);
    throw error;
  }
  return { result: toPlainItem(item) };
}

async function updateItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const update = attributes.add(body.update, 'update');
  const condition = conditionOf(body, attributes);
  try {
    const output = await target.client.send(
      new UpdateItemCommand({
        TableName: target.table,
        Key: toSdkItem(body.key),
        UpdateExpression: update,
        ReturnValues: 'ALL_NEW',
        ...conditionParameters(condition),
        ...attributes.parameters(),
      }),
    );
    return { result: toPlainItem(output.Attributes) };
  } catch (error) {
    if (isConditionFailure(error)) return conditionFailed(error);
    throw error;
  }
}

async function deleteItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const condition = conditionOf(body, attributes);
  try {
    const output = await target.client.send(
      new DeleteItemCommand({
        TableName: target.table,
        Key: toSdkItem(body.key),
        ReturnValues: 'ALL_OLD',
        ...conditionParameters(condition),
        ...attributes.parameters(),
      }),
    );
    return { result: toPlainItem(output.Attributes) };
  } catch (error) {
    // Deleting what is already gone reaches the desired state, so AppSync reports success.
    if (isConditionFailure(error) && !error.Item) return { result: null };
    if (isConditionFailure(error)) return conditionFailed(error);
    throw error;
  }
}

export const itemOperations: Readonly<Record<string, Operation>> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
};
