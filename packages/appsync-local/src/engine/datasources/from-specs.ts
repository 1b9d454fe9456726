/**
 * The local data sources for the API's data source descriptions (`@leaderboard/core`
 * `dataSources`), so the server and tests wire resolvers exactly as the cloud stack does.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSourceSpec } from '@leaderboard/core';
import type { DataSourceRuntime } from './data-source.ts';
import { createDynamoDbDataSource } from './dynamodb.ts';
import { createLambdaDataSource, type LambdaHandler } from './lambda.ts';
import { noneDataSource } from './none.ts';

/** A data source kind this runtime can serve, with the handler a Lambda data source calls. */
export type LocalDataSourceSpec =
  DataSourceSpec | { readonly name: string; readonly kind: 'lambda'; readonly handler: LambdaHandler };

export interface LocalDataSourceOptions {
  /** One client for every data source, or each data source's own (signed with its role). */
  readonly client: DynamoDBClient | ((dataSourceName: string) => DynamoDBClient);
  /** Physical table names by logical name; locally they are usually the same. */
  readonly tableNames?: Readonly<Record<string, string>>;
}

export function createDataSources(
  specs: Readonly<Record<string, LocalDataSourceSpec>>,
  options: LocalDataSourceOptions,
): Record<string, DataSourceRuntime> {
  const physical = (table: string): string => options.tableNames?.[table] ?? table;
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => {
      switch (spec.kind) {
        case 'dynamodb':
          return [
            name,
            createDynamoDbDataSource({
              client: typeof options.client === 'function' ? options.client(name) : options.client,
              table: physical(spec.table),
              tableNames: options.tableNames,
            }),
          ];
        case 'lambda':
          return [name, createLambdaDataSource(spec.handler)];
        case 'none':
          return [name, noneDataSource];
      }
    }),
  );
}
