import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { activitiesTable, scoresTable } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';

describe('tables created from the shared specs', () => {
  const { client, documentClient } = testDynamo();

  it('gives Activities a NEW_IMAGE stream and Scores the sharded score index', async () => {
    const activities = await client.send(new DescribeTableCommand({ TableName: activitiesTable.name }));
    expect(activities.Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_IMAGE',
    });
    const scores = await client.send(new DescribeTableCommand({ TableName: scoresTable.name }));
    const index = scores.Table?.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === 'byScore');
    expect(index?.KeySchema).toEqual([
      { AttributeName: 'shardKey', KeyType: 'HASH' },
      { AttributeName: 'rankKey', KeyType: 'RANGE' },
    ]);
  });

  it('clears every item between tests', async () => {
    await documentClient.send(new PutCommand({ TableName: scoresTable.name, Item: { pk: 'a', sk: 'b' } }));
    await clearAllTables(documentClient);
    const after = await documentClient.send(new ScanCommand({ TableName: scoresTable.name }));
    expect(after.Items).toEqual([]);
  });
});
