/**
 * The batch operations across tables: BatchGetItem, and BatchPutItem and BatchDeleteItem as one
 * BatchWriteItem; each entry comes back in its place, or null and listed as unprocessed when
 * DynamoDB left it for a retry.
 */
import { BatchGetItemCommand, BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { toPlain, toPlainItem, toSdkItem } from './attribute-values.ts';
import type { DataSourceOutcome } from './data-source.ts';
import {
  type DynamoDbTarget,
  type Item,
  type Json,
  list,
  type Operation,
  tables,
} from './dynamodb-operation.ts';
import { ExpressionAttributes } from './expressions.ts';

const keyMatches = (item: Item, key: Item): boolean =>
  Object.entries(key).every(
    ([name, value]) =>
      JSON.stringify(toPlain(value)) === JSON.stringify(item[name] ? toPlain(item[name]) : undefined),
  );

/** How BatchPutItem or BatchDeleteItem entries travel in a BatchWriteItem. */
interface BatchWriteRequests {
  /** What the entries are, for error messages. */
  readonly entriesName: 'items' | 'keys';
  toWrite(entry: Item): WriteRequest;
  fromWrite(write: WriteRequest): Item | undefined;
}

const putRequests: BatchWriteRequests = {
  entriesName: 'items',
  toWrite: (item) => ({ PutRequest: { Item: item } }),
  fromWrite: (write) => write.PutRequest?.Item,
};

const deleteRequests: BatchWriteRequests = {
  entriesName: 'keys',
  toWrite: (key) => ({ DeleteRequest: { Key: key } }),
  fromWrite: (write) => write.DeleteRequest?.Key,
};

/**
 * One BatchWriteItem over every table; each entry comes back as itself, or as null in
 * `data` and listed in `unprocessed` when DynamoDB left it for a retry.
 */
async function batchWrite(
  target: DynamoDbTarget,
  tablesInput: unknown,
  requests: BatchWriteRequests,
): Promise<{ data: Json; unprocessed: Json }> {
  const requested = tables(tablesInput).map(([name, entries]) => ({
    name,
    entries: list(entries, `${name} ${requests.entriesName}`).map(toSdkItem),
  }));
  const output = await target.client.send(
    new BatchWriteItemCommand({
      RequestItems: Object.fromEntries(
        requested.map((entry) => [target.physical(entry.name), entry.entries.map(requests.toWrite)]),
      ),
    }),
  );
  const data: Json = {};
  const unprocessed: Json = {};
  for (const entry of requested) {
    const left = (output.UnprocessedItems?.[target.physical(entry.name)] ?? []).map(
      (write) => requests.fromWrite(write) ?? {},
    );
    const isUnprocessed = (item: Item): boolean =>
      left.some((other) => JSON.stringify(other) === JSON.stringify(item));
    data[entry.name] = entry.entries.map((item) => (isUnprocessed(item) ? null : toPlainItem(item)));
    unprocessed[entry.name] = left.map((item) => toPlainItem(item));
  }
  return { data, unprocessed };
}

async function batchGetItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const requested = tables(body.tables).map(([name, spec]) => {
    const options = (spec ?? {}) as Json;
    const attributes = new ExpressionAttributes();
    const projection = attributes.add(options.projection, 'projection');
    return {
      name,
      keys: list(options.keys, `${name}.keys`).map(toSdkItem),
      request: {
        Keys: list(options.keys, `${name}.keys`).map(toSdkItem),
        ...(typeof options.consistentRead === 'boolean' ? { ConsistentRead: options.consistentRead } : {}),
        ...(projection ? { ProjectionExpression: projection } : {}),
        ...attributes.parameters(),
      },
    };
  });
  const output = await target.client.send(
    new BatchGetItemCommand({
      RequestItems: Object.fromEntries(
        requested.map((entry) => [target.physical(entry.name), entry.request]),
      ),
    }),
  );
  const data: Json = {};
  const unprocessedKeys: Json = {};
  for (const entry of requested) {
    const found = output.Responses?.[target.physical(entry.name)] ?? [];
    const unprocessed = output.UnprocessedKeys?.[target.physical(entry.name)]?.Keys ?? [];
    data[entry.name] = entry.keys.map((key) => toPlainItem(found.find((item) => keyMatches(item, key))));
    unprocessedKeys[entry.name] = unprocessed.map((key) => toPlainItem(key));
  }
  return { result: { data, unprocessedKeys } };
}

async function batchPutItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const { data, unprocessed } = await batchWrite(target, body.tables, putRequests);
  return { result: { data, unprocessedItems: unprocessed } };
}

async function batchDeleteItem(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const { data, unprocessed } = await batchWrite(target, body.tables, deleteRequests);
  return { result: { data, unprocessedKeys: unprocessed } };
}

export const batchOperations: Readonly<Record<string, Operation>> = {
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
};
