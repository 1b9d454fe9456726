/**
 * The AMAZON_DYNAMODB data source: AppSync request objects become DynamoDB API calls, results
 * come back as AppSync shapes them, and DynamoDB failures become `ctx.error` with
 * `type: 'DynamoDB:<exception>'` (plus `cancellationReasons` for cancelled transactions).
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type TransactWriteItem,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import { toPlain, toPlainItem, toSdkItem, toTypedJson } from './attribute-values.ts';
import type { DataSourceOutcome, DataSourceRuntime } from './data-source.ts';
import { ExpressionAttributes } from './expressions.ts';

export interface DynamoDbDataSourceOptions {
  /** The table single-item operations, queries and scans address. */
  readonly table: string;
  /** Physical names for the table names resolvers write in batch and transaction items. */
  readonly tableNames?: Readonly<Record<string, string>>;
  readonly client?: DynamoDBClient;
  readonly endpoint?: string;
  readonly region?: string;
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

type Json = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DataSourceRuntime {
  const client =
    options.client ??
    new DynamoDBClient({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  const physical = (table: unknown): string => {
    if (typeof table !== 'string' || table === '')
      throw new DataSourceRequestError('each item must name its `table`', 'MappingTemplate');
    return options.tableNames?.[table] ?? table;
  };
  const operations = createOperations(client, options.table, physical);

  return {
    type: 'AMAZON_DYNAMODB',
    async invoke(request) {
      const body = (typeof request === 'object' && request !== null ? request : {}) as Json;
      const operation = operations[String(body.operation)];
      if (!operation) {
        throw new DataSourceRequestError(
          `Unsupported operation '${String(body.operation)}' for a DynamoDB data source`,
          'MappingTemplate',
        );
      }
      try {
        return await operation(body);
      } catch (error) {
        if (error instanceof DataSourceRequestError) throw error;
        return { result: null, error: dynamoError(error) };
      }
    },
  };
}

function dynamoError(error: unknown): { message: string; type: string } {
  const failure = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number; requestId?: string };
  };
  const status = failure.$metadata?.httpStatusCode ?? 400;
  const requestId = failure.$metadata?.requestId ?? 'local';
  return {
    message: `${failure.message ?? String(error)} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestId})`,
    type: `DynamoDB:${failure.name ?? 'UnknownError'}`,
  };
}

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

function encodeToken(key: Item | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(toTypedJson(key)), 'utf8').toString('base64') : null;
}

function decodeToken(token: unknown): Item | undefined {
  if (token === undefined || token === null) return undefined;
  try {
    return toSdkItem(JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')));
  } catch {
    throw new DataSourceRequestError(
      'nextToken is not a token this API issued',
      'DynamoDB:ValidationException',
    );
  }
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DataSourceRequestError(`${what} must be a list`, 'MappingTemplate');
  return value;
}

function tables(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null)
    throw new DataSourceRequestError('`tables` must be a map', 'MappingTemplate');
  return Object.entries(value as Json);
}

const keyMatches = (item: Item, key: Item): boolean =>
  Object.entries(key).every(
    ([name, value]) =>
      JSON.stringify(toPlain(value)) === JSON.stringify(item[name] ? toPlain(item[name]) : undefined),
  );

type Operation = (body: Json) => Promise<DataSourceOutcome>;

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

function createOperations(
  client: DynamoDBClient,
  table: string,
  physical: (table: unknown) => string,
): Record<string, Operation> {
  const conditionOf = (body: Json, attributes: ExpressionAttributes): string | undefined =>
    attributes.add(body.condition, 'condition');
  const equalsIgnore = (body: Json): string[] =>
    Array.isArray((body.condition as Json | undefined)?.equalsIgnore)
      ? ((body.condition as Json).equalsIgnore as string[])
      : [];

  const readRequest = (body: Json, attributes: ExpressionAttributes) => {
    const filter = attributes.add(body.filter, 'filter');
    const projection = attributes.add(body.projection, 'projection');
    return {
      TableName: table,
      ...(typeof body.index === 'string' ? { IndexName: body.index } : {}),
      ...(typeof body.limit === 'number' ? { Limit: body.limit } : {}),
      ...(typeof body.consistentRead === 'boolean' ? { ConsistentRead: body.consistentRead } : {}),
      ...(typeof body.select === 'string' ? { Select: body.select as 'ALL_ATTRIBUTES' } : {}),
      ...(filter ? { FilterExpression: filter } : {}),
      ...(projection ? { ProjectionExpression: projection } : {}),
      ExclusiveStartKey: decodeToken(body.nextToken),
    };
  };
  const page = (output: {
    Items?: Item[];
    LastEvaluatedKey?: Item;
    ScannedCount?: number;
  }): DataSourceOutcome => ({
    result: {
      items: (output.Items ?? []).map((item) => toPlainItem(item)),
      nextToken: encodeToken(output.LastEvaluatedKey),
      scannedCount: output.ScannedCount ?? 0,
    },
  });

  /**
   * One BatchWriteItem over every table; each entry comes back as itself, or as null in
   * `data` and listed in `unprocessed` when DynamoDB left it for a retry.
   */
  const batchWrite = async (
    tablesInput: unknown,
    requests: BatchWriteRequests,
  ): Promise<{ data: Json; unprocessed: Json }> => {
    const requested = tables(tablesInput).map(([name, entries]) => ({
      name,
      entries: list(entries, `${name} ${requests.entriesName}`).map(toSdkItem),
    }));
    const output = await client.send(
      new BatchWriteItemCommand({
        RequestItems: Object.fromEntries(
          requested.map((entry) => [physical(entry.name), entry.entries.map(requests.toWrite)]),
        ),
      }),
    );
    const data: Json = {};
    const unprocessed: Json = {};
    for (const entry of requested) {
      const left = (output.UnprocessedItems?.[physical(entry.name)] ?? []).map(
        (write) => requests.fromWrite(write) ?? {},
      );
      const isUnprocessed = (item: Item): boolean =>
        left.some((other) => JSON.stringify(other) === JSON.stringify(item));
      data[entry.name] = entry.entries.map((item) => (isUnprocessed(item) ? null : toPlainItem(item)));
      unprocessed[entry.name] = left.map((item) => toPlainItem(item));
    }
    return { data, unprocessed };
  };

  return {
    async GetItem(body) {
      const attributes = new ExpressionAttributes();
      const projection = attributes.add(body.projection, 'projection');
      const output = await client.send(
        new GetItemCommand({
          TableName: table,
          Key: toSdkItem(body.key),
          ...(typeof body.consistentRead === 'boolean' ? { ConsistentRead: body.consistentRead } : {}),
          ...(projection ? { ProjectionExpression: projection } : {}),
          ...attributes.parameters(),
        }),
      );
      return { result: toPlainItem(output.Item) };
    },

    async PutItem(body) {
      const item = { ...toSdkItem(body.attributeValues ?? {}), ...toSdkItem(body.key) };
      const attributes = new ExpressionAttributes();
      const condition = conditionOf(body, attributes);
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
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
    },

    async UpdateItem(body) {
      const attributes = new ExpressionAttributes();
      const update = attributes.add(body.update, 'update');
      const condition = conditionOf(body, attributes);
      try {
        const output = await client.send(
          new UpdateItemCommand({
            TableName: table,
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
    },

    async DeleteItem(body) {
      const attributes = new ExpressionAttributes();
      const condition = conditionOf(body, attributes);
      try {
        const output = await client.send(
          new DeleteItemCommand({
            TableName: table,
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
    },

    async Query(body) {
      const attributes = new ExpressionAttributes();
      const keyCondition = attributes.add(body.query, 'query');
      const request = readRequest(body, attributes);
      const output = await client.send(
        new QueryCommand({
          ...request,
          KeyConditionExpression: keyCondition,
          ...(typeof body.scanIndexForward === 'boolean' ? { ScanIndexForward: body.scanIndexForward } : {}),
          ...attributes.parameters(),
        }),
      );
      return page(output);
    },

    async Scan(body) {
      const attributes = new ExpressionAttributes();
      const request = readRequest(body, attributes);
      const output = await client.send(
        new ScanCommand({
          ...request,
          ...(typeof body.segment === 'number' ? { Segment: body.segment } : {}),
          ...(typeof body.totalSegments === 'number' ? { TotalSegments: body.totalSegments } : {}),
          ...attributes.parameters(),
        }),
      );
      return page(output);
    },

    async BatchGetItem(body) {
      const requested = tables(body.tables).map(([name, spec]) => {
        const options = (spec ?? {}) as Json;
        const attributes = new ExpressionAttributes();
        const projection = attributes.add(options.projection, 'projection');
        return {
          name,
          keys: list(options.keys, `${name}.keys`).map(toSdkItem),
          request: {
            Keys: list(options.keys, `${name}.keys`).map(toSdkItem),
            ...(typeof options.consistentRead === 'boolean'
              ? { ConsistentRead: options.consistentRead }
              : {}),
            ...(projection ? { ProjectionExpression: projection } : {}),
            ...attributes.parameters(),
          },
        };
      });
      const output = await client.send(
        new BatchGetItemCommand({
          RequestItems: Object.fromEntries(requested.map((entry) => [physical(entry.name), entry.request])),
        }),
      );
      const data: Json = {};
      const unprocessedKeys: Json = {};
      for (const entry of requested) {
        const found = output.Responses?.[physical(entry.name)] ?? [];
        const unprocessed = output.UnprocessedKeys?.[physical(entry.name)]?.Keys ?? [];
        data[entry.name] = entry.keys.map((key) => toPlainItem(found.find((item) => keyMatches(item, key))));
        unprocessedKeys[entry.name] = unprocessed.map((key) => toPlainItem(key));
      }
      return { result: { data, unprocessedKeys } };
    },

    async BatchPutItem(body) {
      const { data, unprocessed } = await batchWrite(body.tables, putRequests);
      return { result: { data, unprocessedItems: unprocessed } };
    },

    async BatchDeleteItem(body) {
      const { data, unprocessed } = await batchWrite(body.tables, deleteRequests);
      return { result: { data, unprocessedKeys: unprocessed } };
    },

    async TransactGetItems(body) {
      const items = list(body.transactItems, 'transactItems').map((entry) => {
        const spec = (entry ?? {}) as Json;
        const attributes = new ExpressionAttributes();
        const projection = attributes.add(spec.projection, 'projection');
        return {
          Get: {
            TableName: physical(spec.table),
            Key: toSdkItem(spec.key),
            ...(projection ? { ProjectionExpression: projection } : {}),
            ...attributes.parameters(),
          },
        };
      });
      try {
        const output = await client.send(new TransactGetItemsCommand({ TransactItems: items }));
        return {
          result: {
            items: (output.Responses ?? []).map((response) => toPlainItem(response.Item)),
            cancellationReasons: null,
          },
        };
      } catch (error) {
        return transactionFailure(error, 'items');
      }
    },

    async TransactWriteItems(body) {
      const specs = list(body.transactItems, 'transactItems').map((entry) => (entry ?? {}) as Json);
      const items: TransactWriteItem[] = specs.map((spec) => {
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
        const target = { TableName: physical(spec.table), Key: toSdkItem(spec.key) };
        switch (spec.operation) {
          case 'PutItem':
            return {
              Put: {
                TableName: target.TableName,
                Item: { ...toSdkItem(spec.attributeValues ?? {}), ...target.Key },
                ...conditionPart,
                ...attributes.parameters(),
              },
            };
          case 'UpdateItem': {
            const update = attributes.add(spec.update, 'update');
            return {
              Update: { ...target, UpdateExpression: update, ...conditionPart, ...attributes.parameters() },
            };
          }
          case 'DeleteItem':
            return { Delete: { ...target, ...conditionPart, ...attributes.parameters() } };
          case 'ConditionCheck':
            if (!condition)
              throw new DataSourceRequestError('ConditionCheck needs a condition', 'MappingTemplate');
            return {
              ConditionCheck: { ...target, ConditionExpression: condition, ...attributes.parameters() },
            };
          default:
            throw new DataSourceRequestError(
              `Unsupported transaction operation '${String(spec.operation)}'`,
              'MappingTemplate',
            );
        }
      });
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      } catch (error) {
        return transactionFailure(error, 'keys');
      }
      return {
        result: { keys: specs.map((spec) => toPlainItem(toSdkItem(spec.key))), cancellationReasons: null },
      };
    },
  };
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
