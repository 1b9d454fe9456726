/**
 * The `@aws-appsync/utils/dynamodb` module: plain inputs to DynamoDB request objects. Keys and
 * items go through `util.dynamodb.toMapValues`, conditions and filters through the same
 * renderer as `util.transform`; update and key-condition expressions use generated
 * placeholders (`#expName_1`, `:expValue_1`), as AppSync's helpers do.
 */
export { DynamoDBHelperInputError, projection } from './dynamodb-helpers/input.ts';
export { operations } from './dynamodb-helpers/update-expression.ts';
export { get, put, remove, update } from './dynamodb-helpers/item-requests.ts';
export { query, scan, sync } from './dynamodb-helpers/read-requests.ts';
export { batchDelete, batchGet, batchPut } from './dynamodb-helpers/batch-requests.ts';
export { transactGet, transactWrite } from './dynamodb-helpers/transaction-requests.ts';
export { toBinarySet, toNumberSet, toStringSet } from './dynamodb-helpers/sets.ts';
