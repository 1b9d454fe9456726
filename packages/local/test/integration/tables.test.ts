import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { activitiesTable, scoresTable } from '@leaderboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { ensureTable } from '../../src/aws/tables.ts';

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

describe('a table kept from before its spec gained an index', () => {
  const { client, documentClient } = testDynamo();
  const tableName = 'ActivitiesBeforeHistoryIndex';
  // Without the stream: DynamoDB Local slows down with every stream-enabled table created.
  const spec = { ...activitiesTable, stream: undefined, ttl: undefined };

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('gets the missing index, and keeps its items', async () => {
    await ensureTable(client, { ...spec, fields: { pk: 'string' }, globalIndexes: {} }, tableName);
    const item = { pk: 'ACT#ada#1', kind: 'activity', userId: 'ada', occurredAt: '2026-11-20T08:00:00.000Z' };
    await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));

    await ensureTable(client, spec, tableName);
    const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    expect(table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.KeySchema])).toEqual([
      [
        'byUser',
        [
          { AttributeName: 'userId', KeyType: 'HASH' },
          { AttributeName: 'occurredAt', KeyType: 'RANGE' },
        ],
      ],
    ]);
    const history = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byUser',
        KeyConditionExpression: 'userId = :user',
        ExpressionAttributeValues: { ':user': 'ada' },
      }),
    );
    expect(history.Items).toEqual([item]);
    // Once there, ensuring it again changes nothing.
    await ensureTable(client, spec, tableName);
  });
});
