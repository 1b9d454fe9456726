/** The shared local test infrastructure (DynamoDB Local started once per run by the global setup). */
export {
  clearAllTables,
  itemsOfKind,
  localCredentials,
  localRegion,
  testDynamo,
} from '@leaderboard/core/test-support/dynamodb';
