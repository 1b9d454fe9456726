/**
 * What every DynamoDB operation of the data source shares: the table it addresses and the
 * client it calls, the checks on a request's lists and maps, and DynamoDB's failures in the
 * shape AppSync gives `ctx.error` (`type: 'DynamoDB:<exception>'`).
 */
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import type { DataSourceOutcome } from './data-source.ts';

export type Json = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;

/** Where an operation's calls go. */
export interface DynamoDbTarget {
  readonly client: DynamoDBClient;
  /** The table single-item operations, queries and scans address. */
  readonly table: string;
  /** The physical name of a table a batch or transaction item names. */
  physical(table: unknown): string;
}

/** One operation of the data source, from its request object (`operation: 'GetItem'`, ...). */
export type Operation = (target: DynamoDbTarget, body: Json) => Promise<DataSourceOutcome>;

export function dynamoError(error: unknown): { message: string; type: string } {
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

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DataSourceRequestError(`${what} must be a list`, 'MappingTemplate');
  return value;
}

export function tables(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null)
    throw new DataSourceRequestError('`tables` must be a map', 'MappingTemplate');
  return Object.entries(value as Json);
}
