/** The APPSYNC_JS resolver engine: resolver bundles run as AppSync runs them, against local data sources. */
export {
  createResolverEngine,
  type ReloadableResolverEngine,
  type ResolverEngineOptions,
  type ResolverSpec,
  type PipelineFunctionSpec,
} from './engine.ts';
export {
  loadResolverModule,
  loadResolverSource,
  type ResolverModule,
  type HandlerName,
} from './module-loader.ts';
export { createInvocationScope, type InvocationScope } from './invocation-scope.ts';
export { evaluateCode, type EvaluateCodeContext, type EvaluateCodeOutput } from './evaluate-code.ts';
export {
  SandboxViolationError,
  ResolverLoadError,
  DataSourceRequestError,
  type SandboxViolation,
} from './errors.ts';
export type {
  DataSourceRuntime,
  DataSourceOutcome,
  DataSourceError,
  DataSourceCallContext,
} from './datasources/data-source.ts';
export { createDynamoDbDataSource, type DynamoDbDataSourceOptions } from './datasources/dynamodb.ts';
export { noneDataSource } from './datasources/none.ts';
export { createLambdaDataSource, type LambdaHandler } from './datasources/lambda.ts';
export {
  createDataSources,
  type LocalDataSourceSpec,
  type LocalDataSourceOptions,
} from './datasources/from-specs.ts';
export * as dynamodbHelpers from './dynamodb-helpers.ts';
export { toDynamoDBFilterExpression, toDynamoDBConditionExpression } from './util/dynamodb-expression.ts';
export { toSubscriptionFilter } from './util/subscription-filter.ts';
export type * from './types.ts';
