/** The shared local test infrastructure (DynamoDB Local started once per run by the global setup). */
import type {} from '../../../local/src/testing/global-setup.ts';
export { clearAllTables, itemsOfKind, testDynamo } from '../../../local/src/testing/dynamodb.ts';
export { localCredentials, localRegion, startDynamoDbLocal } from '../../../local/src/aws/dynamodb-local.ts';
