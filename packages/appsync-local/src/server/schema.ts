/**
 * Builds the executable schema: the API's SDL with AppSync's own scalars and directives
 * declared in front of it (AppSync knows them implicitly; graphql-js must be told), and the
 * scalars given AppSync's validation.
 */
import { buildSchema, type GraphQLSchema, isScalarType } from 'graphql';
import { readFileSync } from 'node:fs';
import { appSyncScalars } from './scalars.ts';

const appSyncDeclarationsPath = new URL('../../../core/graphql/appsync.graphql', import.meta.url);

export function buildAppSyncSchema(schemaSdl: string): GraphQLSchema {
  const declaresAppSyncTypes = /\bscalar\s+AWSDateTime\b/.test(schemaSdl);
  const source = declaresAppSyncTypes
    ? schemaSdl
    : `${readFileSync(appSyncDeclarationsPath, 'utf8')}\n${schemaSdl}`;
  const schema = buildSchema(source);
  for (const type of Object.values(schema.getTypeMap())) {
    const scalar = isScalarType(type) ? appSyncScalars.get(type.name) : undefined;
    if (!scalar || !isScalarType(type)) continue;
    type.serialize = scalar.serialize;
    type.parseValue = scalar.parseValue;
    type.parseLiteral = scalar.parseLiteral;
  }
  return schema;
}
