/**
 * Local data sources from plain descriptions of an API's data sources (name, kind, table), so a
 * project that describes its data sources once for its deployment can wire the same ones here.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DataSourceRuntime } from './data-source.ts';
import { createDynamoDbDataSource } from './dynamodb.ts';
import { createLambdaDataSource, type LambdaHandler } from './lambda.ts';
import { noneDataSource } from './none.ts';

/** A data source this runtime can serve; a Lambda one names the local handler it calls. */
export type LocalDataSourceSpec =
  | { readonly name: string; readonly kind: 'dynamodb'; readonly table: string }
  | { readonly name: string; readonly kind: 'none' }
  | { readonly name: string; readonly kind: 'lambda'; readonly handler: LambdaHandler };

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
