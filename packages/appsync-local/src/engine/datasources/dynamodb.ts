/**
 * The AMAZON_DYNAMODB data source: AppSync request objects become DynamoDB API calls, results
 * come back as AppSync shapes them, and DynamoDB failures become `ctx.error` with
 * `type: 'DynamoDB:<exception>'` (plus `cancellationReasons` for cancelled transactions).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors.ts';
import type { DataSourceRuntime } from './data-source.ts';
import { batchOperations } from './dynamodb-batch-ops.ts';
import { itemOperations } from './dynamodb-item-ops.ts';
import { dynamoError, type DynamoDbTarget, type Json, type Operation } from './dynamodb-operation.ts';
import { queryScanOperations } from './dynamodb-query-scan.ts';
import { transactionOperations } from './dynamodb-transactions.ts';

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

const operations: Readonly<Record<string, Operation>> = {
  ...itemOperations,
  ...queryScanOperations,
  ...batchOperations,
  ...transactionOperations,
};

function targetOf(options: DynamoDbDataSourceOptions): DynamoDbTarget {
  const client =
    options.client ??
    new DynamoDBClient({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  return {
    client,
    table: options.table,
    physical(table) {
      if (typeof table !== 'string' || table === '')
        throw new DataSourceRequestError('each item must name its `table`', 'MappingTemplate');
      return options.tableNames?.[table] ?? table;
    },
  };
}

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DataSourceRuntime {
  const target = targetOf(options);
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
        return await operation(target, body);
      } catch (error) {
        if (error instanceof DataSourceRequestError) throw error;
        return { result: null, error: dynamoError(error) };
      }
    },
  };
}
