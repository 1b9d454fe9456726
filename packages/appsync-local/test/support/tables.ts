/**
 * The two tables the fixture resolvers use: `Scores` (pk, sk, and a `byScore` index) and
 * `Activities` (pk). The resolvers find them through `ctx.env`, as AppSync resolvers do.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const scoresTableName = 'Scores';
export const activitiesTableName = 'Activities';

/** `ctx.env` of the fixture engine. */
export const fixtureEnv = {
  SCORES_TABLE: scoresTableName,
  ACTIVITIES_TABLE: activitiesTableName,
  STAGE: 'test',
};

export const fixtureTables: readonly CreateTableCommandInput[] = [
  {
    TableName: scoresTableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'shardKey', AttributeType: 'S' },
      { AttributeName: 'rankKey', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byScore',
        KeySchema: [
          { AttributeName: 'shardKey', KeyType: 'HASH' },
          { AttributeName: 'rankKey', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  },
  {
    TableName: activitiesTableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  },
];
