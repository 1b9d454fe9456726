/**
 * The host side of the modules a resolver may import: every function of `@aws-appsync/utils`
 * (`util`, `runtime`, `extensions`) and `@aws-appsync/utils/dynamodb`, keyed by its path. The
 * sandbox builds same-shaped objects whose functions forward here with JSON-copied arguments.
 */
import * as helpers from './dynamodb-helpers.ts';
import { HandlerHaltSignal, type InvocationScope, type SkipTo } from './invocation-scope.ts';
import type { AppSyncError } from './types.ts';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from './util/dynamodb-expression.ts';
import * as values from './util/dynamodb-values.ts';
import * as encoding from './util/encoding.ts';
import { addResponseHeader, copyHeaders } from './util/http.ts';
import { autoId, autoKsuid, autoUlid } from './util/ids.ts';
import { authType, unauthorizedMessage } from './util/identity.ts';
import * as text from './util/strings-and-math.ts';
import { toSubscriptionFilter } from './util/subscription-filter.ts';
import * as time from './util/time.ts';
import { matches } from './util/pattern.ts';

export type HostFunction = (scope: InvocationScope, ...args: unknown[]) => unknown;

export const utilsModuleName = '@aws-appsync/utils';
export const dynamodbModuleName = '@aws-appsync/utils/dynamodb';

const pure =
  (fn: (...args: never[]) => unknown): HostFunction =>
  (_scope, ...args) =>
    (fn as (...args: unknown[]) => unknown)(...args);

function errorOf(message: unknown, errorType: unknown, data: unknown, errorInfo: unknown): AppSyncError {
  const error: { message: string; errorType?: string; data: unknown; errorInfo: unknown } = {
    message: String(message ?? ''),
    data: data ?? null,
    errorInfo: errorInfo ?? null,
  };
  if (errorType !== undefined && errorType !== null) error.errorType = String(errorType);
  return error;
}

/**
 * Only what APPSYNC_JS's `util` has (the `Util` type of `@aws-appsync/utils` and AWS's JS
 * built-in utilities reference). VTL's `$util.isNull`, `typeOf`, `defaultIfNull*`, `str.toUpper`
 * and the like do not exist there, so resolver code calling them fails here as it does on AppSync.
 */
const utilFunctions: Record<string, HostFunction> = {
  'util.autoId': pure(autoId),
  'util.autoUlid': pure(autoUlid),
  'util.autoKsuid': pure(() => autoKsuid()),
  'util.error': (_scope, message, errorType, data, errorInfo) => {
    throw new HandlerHaltSignal({ kind: 'error', error: errorOf(message, errorType, data, errorInfo) });
  },
  'util.appendError': (scope, message, errorType, data, errorInfo) => {
    scope.appendedErrors.push(errorOf(message, errorType, data, errorInfo));
  },
  'util.unauthorized': (scope) => {
    throw new HandlerHaltSignal({
      kind: 'error',
      error: {
        message: unauthorizedMessage(scope.info),
        errorType: 'Unauthorized',
        data: null,
        errorInfo: null,
      },
    });
  },
  'util.authType': (scope) => authType(scope.identity),
  'util.matches': pure(matches),
  'util.base64Encode': pure(encoding.base64Encode),
  'util.base64Decode': pure(encoding.base64Decode),
  'util.urlEncode': pure(encoding.urlEncode),
  'util.urlDecode': pure(encoding.urlDecode),
  'util.escapeJavaScript': pure(encoding.escapeJavaScript),
  'util.time.nowISO8601': pure(time.nowISO8601),
  'util.time.nowEpochSeconds': pure(time.nowEpochSeconds),
  'util.time.nowEpochMilliSeconds': pure(time.nowEpochMilliSeconds),
  'util.time.nowFormatted': pure(time.nowFormatted),
  'util.time.parseFormattedToEpochMilliSeconds': pure(time.parseFormattedToEpochMilliSeconds),
  'util.time.parseISO8601ToEpochMilliSeconds': pure(time.parseISO8601ToEpochMilliSeconds),
  'util.time.epochMilliSecondsToSeconds': pure(time.epochMilliSecondsToSeconds),
  'util.time.epochMilliSecondsToISO8601': pure(time.epochMilliSecondsToISO8601),
  'util.time.epochMilliSecondsToFormatted': pure(time.epochMilliSecondsToFormatted),
  'util.str.normalize': pure(text.normalize),
  'util.math.roundNum': pure(text.roundNum),
  'util.math.minVal': pure(text.minVal),
  'util.math.maxVal': pure(text.maxVal),
  'util.math.randomDouble': pure(text.randomDouble),
  'util.math.randomWithinRange': pure(text.randomWithinRange),
  'util.dynamodb.toDynamoDB': pure(values.toDynamoDB),
  'util.dynamodb.toMapValues': pure(values.toMapValues),
  'util.dynamodb.toString': pure(values.toStringValue),
  'util.dynamodb.toStringSet': pure(values.toStringSet),
  'util.dynamodb.toNumber': pure(values.toNumber),
  'util.dynamodb.toNumberSet': pure(values.toNumberSet),
  'util.dynamodb.toBinary': pure(values.toBinary),
  'util.dynamodb.toBinarySet': pure(values.toBinarySet),
  'util.dynamodb.toBoolean': pure(values.toBoolean),
  'util.dynamodb.toNull': pure(values.toNull),
  'util.dynamodb.toList': pure(values.toList),
  'util.dynamodb.toMap': pure(values.toMap),
  'util.dynamodb.toS3Object': pure(values.toS3Object),
  'util.dynamodb.fromS3ObjectJson': pure(values.fromS3ObjectJson),
  'util.transform.toDynamoDBFilterExpression': pure(toDynamoDBFilterExpression),
  'util.transform.toDynamoDBConditionExpression': pure(toDynamoDBConditionExpression),
  'util.transform.toSubscriptionFilter': pure(toSubscriptionFilter),
  'util.http.copyHeaders': pure(copyHeaders),
  'util.http.addResponseHeader': (scope, name, value) =>
    addResponseHeader(scope.responseHeaders, name, value),
  'util.http.addResponseHeaders': (scope, headers) => {
    for (const [name, value] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
      addResponseHeader(scope.responseHeaders, name, value);
    }
  },
  'runtime.earlyReturn': (_scope, value, options) => {
    const skipTo = (options as { skipTo?: unknown } | null | undefined)?.skipTo;
    throw new HandlerHaltSignal({
      kind: 'earlyReturn',
      value: value ?? null,
      skipTo: skipTo === 'END' || skipTo === 'NEXT' ? (skipTo as SkipTo) : undefined,
    });
  },
  'extensions.setSubscriptionFilter': (scope, filter) => {
    scope.subscriptionFilter = filter;
  },
  'extensions.setSubscriptionInvalidationFilter': (scope, filter) => {
    scope.subscriptionInvalidationFilter = filter;
  },
  'extensions.invalidateSubscriptions': (scope, invalidation) => {
    scope.invalidations.push(invalidation);
  },
  // No response cache runs locally, so there is nothing to evict.
  'extensions.evictFromApiCache': () => undefined,
};

const dynamodbFunctions: Record<string, HostFunction> = {
  get: pure(helpers.get),
  put: pure(helpers.put),
  remove: pure(helpers.remove),
  update: pure(helpers.update),
  query: pure(helpers.query),
  scan: pure(helpers.scan),
  sync: pure(helpers.sync),
  batchGet: pure(helpers.batchGet),
  batchPut: pure(helpers.batchPut),
  batchDelete: pure(helpers.batchDelete),
  transactGet: pure(helpers.transactGet),
  transactWrite: pure(helpers.transactWrite),
  toStringSet: pure(helpers.toStringSet),
  toNumberSet: pure(helpers.toNumberSet),
  toBinarySet: pure(helpers.toBinarySet),
  ...Object.fromEntries(
    Object.entries(helpers.operations).map(([name, fn]) => [`operations.${name}`, pure(fn)]),
  ),
};

export const runtimeModules: Readonly<Record<string, Readonly<Record<string, HostFunction>>>> = {
  [utilsModuleName]: utilFunctions,
  [dynamodbModuleName]: dynamodbFunctions,
};

/** The names each module exports at its top level, for checking a bundle's imports. */
export function exportedNames(moduleName: string): ReadonlySet<string> | undefined {
  const functions = runtimeModules[moduleName];
  if (!functions) return undefined;
  return new Set(Object.keys(functions).map((path) => path.split('.')[0] as string));
}
