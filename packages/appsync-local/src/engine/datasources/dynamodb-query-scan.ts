/**
 * Query and Scan on the data source's table (or one of its indexes): the request parameters
 * they share, and the page they answer with, whose `nextToken` is the last evaluated key in
 * an opaque base64 form.
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import { toPlainItem, toSdkItem, toTypedJson } from './attribute-values.ts';
import type { DataSourceOutcome } from './data-source.ts';
import type { DynamoDbTarget, Item, Json, Operation } from './dynamodb-operation.ts';
import { ExpressionAttributes } from './expressions.ts';

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

function readRequest(target: DynamoDbTarget, body: Json, attributes: ExpressionAttributes) {
  const filter = attributes.add(body.filter, 'filter');
  const projection = attributes.add(body.projection, 'projection');
  return {
    TableName: target.table,
    ...(typeof body.index === 'string' ? { IndexName: body.index } : {}),
    ...(typeof body.limit === 'number' ? { Limit: body.limit } : {}),
    ...(typeof body.consistentRead === 'boolean' ? { ConsistentRead: body.consistentRead } : {}),
    ...(typeof body.select === 'string' ? { Select: body.select as 'ALL_ATTRIBUTES' } : {}),
    ...(filter ? { FilterExpression: filter } : {}),
    ...(projection ? { ProjectionExpression: projection } : {}),
    ExclusiveStartKey: decodeToken(body.nextToken),
  };
}

function page(output: { Items?: Item[]; LastEvaluatedKey?: Item; ScannedCount?: number }): DataSourceOutcome {
  return {
    result: {
      items: (output.Items ?? []).map((item) => toPlainItem(item)),
      nextToken: encodeToken(output.LastEvaluatedKey),
      scannedCount: output.ScannedCount ?? 0,
    },
  };
}

async function query(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const keyCondition = attributes.add(body.query, 'query');
  const request = readRequest(target, body, attributes);
  const output = await target.client.send(
    new QueryCommand({
      ...request,
      KeyConditionExpression: keyCondition,
      ...(typeof body.scanIndexForward === 'boolean' ? { ScanIndexForward: body.scanIndexForward } : {}),
      ...attributes.parameters(),
    }),
  );
  return page(output);
}

async function scan(target: DynamoDbTarget, body: Json): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const request = readRequest(target, body, attributes);
  const output = await target.client.send(
    new ScanCommand({
      ...request,
      ...(typeof body.segment === 'number' ? { Segment: body.segment } : {}),
      ...(typeof body.totalSegments === 'number' ? { TotalSegments: body.totalSegments } : {}),
      ...attributes.parameters(),
    }),
  );
  return page(output);
}

export const queryScanOperations: Readonly<Record<string, Operation>> = { Query: query, Scan: scan };
