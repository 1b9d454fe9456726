import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type StreamViewType,
} from '@aws-sdk/client-dynamodb';
import type { AttributeType, TableSpec } from '@leaderboard/core';

const attributeTypes: Record<AttributeType, 'S' | 'N' | 'B'> = { string: 'S', number: 'N', binary: 'B' };
const streamViewTypes: Record<NonNullable<TableSpec['stream']>, StreamViewType> = {
  'new-image': 'NEW_IMAGE',
  'keys-only': 'KEYS_ONLY',
  'old-image': 'OLD_IMAGE',
  'new-and-old-images': 'NEW_AND_OLD_IMAGES',
};

function keySchema(hashKey: string, rangeKey?: string): KeySchemaElement[] {
  return rangeKey
    ? [
        { AttributeName: hashKey, KeyType: 'HASH' },
        { AttributeName: rangeKey, KeyType: 'RANGE' },
      ]
    : [{ AttributeName: hashKey, KeyType: 'HASH' }];
}

/** The `CreateTable` request for a table spec, as `sst.aws.Dynamo` would create it (on-demand). */
function createTableInput(spec: TableSpec, tableName: string): CreateTableCommandInput {
  const attributeDefinitions: AttributeDefinition[] = Object.entries(spec.fields).map(([name, type]) => ({
    AttributeName: name,
    AttributeType: attributeTypes[type],
  }));
  const globalIndexes: GlobalSecondaryIndex[] = Object.entries(spec.globalIndexes).map(([name, index]) => ({
    IndexName: name,
    KeySchema: keySchema(index.hashKey, index.rangeKey),
    Projection: { ProjectionType: index.projection === 'all' ? 'ALL' : 'KEYS_ONLY' },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: keySchema(spec.primaryIndex.hashKey, spec.primaryIndex.rangeKey),
    ...(globalIndexes.length > 0 ? { GlobalSecondaryIndexes: globalIndexes } : {}),
    ...(spec.stream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: streamViewTypes[spec.stream] } }
      : {}),
  };
}

/** Creates the table unless it exists (a persisted local database keeps its tables). */
export async function ensureTable(client: DynamoDBClient, spec: TableSpec, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(spec, tableName)));
  if (spec.ttl) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: spec.ttl, Enabled: true },
      }),
    );
  }
}
