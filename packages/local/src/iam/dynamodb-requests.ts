/**
 * DynamoDB and DynamoDB Streams JSON protocol requests → the IAM checks AWS makes for them:
 * `dynamodb:<Operation>` on the table (or index, or stream) ARN, one check per item of a
 * transaction with the item's own action, one per table of a batch.
 */
import type { AuthorizationCheck } from 'appsync-local/iam';
import { isRecord, optionalString, requiredString, type ArnScope, type RequestBody } from './request-body.ts';
import { UnknownOperationError, ValidationError } from './errors.ts';

/** Operations that act on the table named by `TableName`. */
const tableOperations = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'CreateTable',
  'DescribeTable',
  'UpdateTable',
  'DeleteTable',
  'DescribeTimeToLive',
  'UpdateTimeToLive',
  'DescribeContinuousBackups',
  'UpdateContinuousBackups',
  'CreateBackup',
  'DescribeKinesisStreamingDestination',
]);

/** Operations that may read a secondary index named by `IndexName` instead of the table. */
const indexReadOperations = new Set(['Query', 'Scan']);

/** Operations IAM authorizes on `*` only. */
const wildcardOnlyOperations = new Set([
  'ListTables',
  'DescribeLimits',
  'DescribeEndpoints',
  'ListBackups',
  'ListGlobalTables',
  'ListContributorInsights',
]);

/** Operations on the table or stream whose ARN is in `ResourceArn`. */
const resourceArnOperations = new Set(['ListTagsOfResource', 'TagResource', 'UntagResource']);

/** Each kind of TransactWriteItems entry and the action AWS checks it with. */
const transactWriteActions: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

/** Request fields that are also condition keys of the same name (`dynamodb:ReturnValues`, ...). */
const conditionKeyFields = ['ReturnValues', 'ReturnConsumedCapacity', 'Select'] as const;

export const tableArn = (scope: ArnScope, table: string): string =>
  `arn:aws:dynamodb:${scope.region}:${scope.accountId}:table/${table}`;

/** The checks for one `DynamoDB_20120810.<operation>` request. */
export function dynamodbChecks(operation: string, body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  const action = `dynamodb:${operation}`;
  if (wildcardOnlyOperations.has(operation)) return [{ action, resource: '*' }];
  if (tableOperations.has(operation) || indexReadOperations.has(operation)) {
    return [{ action, resource: readResource(operation, body, scope), context: conditionKeys(body) }];
  }
  if (resourceArnOperations.has(operation)) {
    return [{ action, resource: inScope(requiredString(body, 'ResourceArn'), scope) }];
  }
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return batchChecks(action, body, scope);
    case 'TransactWriteItems':
      return transactWriteChecks(body, scope);
    case 'TransactGetItems':
      return transactGetChecks(body, scope);
    default:
      throw new UnknownOperationError(
        `The IAM gateway does not know which resources DynamoDB_20120810.${operation} acts on.`,
      );
  }
}

/** The checks for one `DynamoDBStreams_20120810.<operation>` request. */
export function dynamodbStreamsChecks(
  operation: string,
  body: RequestBody,
  scope: ArnScope,
): AuthorizationCheck[] {
  const action = `dynamodb:${operation}`;
  switch (operation) {
    case 'ListStreams':
      return [{ action, resource: '*' }];
    case 'DescribeStream':
    case 'GetShardIterator':
      return [{ action, resource: inScope(requiredString(body, 'StreamArn'), scope) }];
    case 'GetRecords':
      return [
        { action, resource: inScope(streamArnOfIterator(requiredString(body, 'ShardIterator')), scope) },
      ];
    default:
      throw new UnknownOperationError(
        `The IAM gateway does not know which resources DynamoDBStreams_20120810.${operation} acts on.`,
      );
  }
}

function readResource(operation: string, body: RequestBody, scope: ArnScope): string {
  const table = tableArn(scope, requiredString(body, 'TableName'));
  const index = indexReadOperations.has(operation) ? optionalString(body, 'IndexName') : undefined;
  return index ? `${table}/index/${index}` : table;
}

function batchChecks(action: string, body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  const requestItems = body['RequestItems'];
  if (!isRecord(requestItems) || Object.keys(requestItems).length === 0) {
    throw new ValidationError('The requestItems parameter is required for BatchGetItem and BatchWriteItem.');
  }
  const context = conditionKeys(body);
  return Object.keys(requestItems).map((table) => ({ action, resource: tableArn(scope, table), context }));
}

function transactWriteChecks(body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  return transactItems(body).map((item) => {
    const kind = Object.keys(transactWriteActions).find((candidate) => isRecord(item[candidate]));
    if (!kind)
      throw new ValidationError(
        'A TransactWriteItems entry must hold Put, Update, Delete or ConditionCheck.',
      );
    const entry = item[kind] as RequestBody;
    return {
      action: transactWriteActions[kind]!,
      resource: tableArn(scope, requiredString(entry, 'TableName')),
      context: { 'dynamodb:EnclosingOperation': 'TransactWriteItems', ...conditionKeys(body) },
    };
  });
}

function transactGetChecks(body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  return transactItems(body).map((item) => {
    const get = item['Get'];
    if (!isRecord(get)) throw new ValidationError('A TransactGetItems entry must hold Get.');
    return {
      action: 'dynamodb:GetItem',
      resource: tableArn(scope, requiredString(get, 'TableName')),
      context: { 'dynamodb:EnclosingOperation': 'TransactGetItems', ...conditionKeys(body) },
    };
  });
}

function transactItems(body: RequestBody): RequestBody[] {
  const items = body['TransactItems'];
  if (!Array.isArray(items) || items.length === 0 || !items.every(isRecord)) {
    throw new ValidationError('The transactItems parameter must be a non-empty list.');
  }
  return items;
}

function conditionKeys(body: RequestBody): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const field of conditionKeyFields) {
    const value = optionalString(body, field);
    if (value) keys[`dynamodb:${field}`] = value;
  }
  return keys;
}

/** A shard iterator starts with its stream's ARN and a `|` (DynamoDB's and DynamoDB Local's alike). */
function streamArnOfIterator(iterator: string): string {
  const separator = iterator.indexOf('|');
  if (separator <= 0) throw new ValidationError('Invalid ShardIterator.');
  return iterator.slice(0, separator);
}

const dynamodbArnPattern = /^arn:[\w-]+:dynamodb:[^:]*:[^:]*:(table\/.+)$/;

/**
 * The same table or stream ARN in the gateway's region and account: DynamoDB Local reports its
 * own (`ddblocal`, `000000000000`), policies name the deployed ones.
 */
function inScope(arn: string, scope: ArnScope): string {
  const match = dynamodbArnPattern.exec(arn);
  if (!match) throw new ValidationError(`Invalid DynamoDB ARN: ${arn}`);
  return `arn:aws:dynamodb:${scope.region}:${scope.accountId}:${match[1]}`;
}
