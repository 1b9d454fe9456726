import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type Projection,
  type StreamViewType,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { AttributeType, IndexSpec, TableSpec } from '@leaderboard/core';

/** A persisted table's new index did not finish building in time. */
export class IndexBuildTimeoutError extends Error {
  override readonly name = 'IndexBuildTimeoutError';
}

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

function projectionOf(projection: IndexSpec['projection']): Projection {
  if (projection === 'all') return { ProjectionType: 'ALL' };
  if (projection === 'keys-only') return { ProjectionType: 'KEYS_ONLY' };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection] };
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
    Projection: projectionOf(index.projection),
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

/**
 * Creates the table unless it exists. A persisted local database keeps its tables: one made
 * before the spec gained an index gets the index, as a deploy adds it to the cloud's table.
 */
export async function ensureTable(client: DynamoDBClient, spec: TableSpec, tableName: string): Promise<void> {
  let existing: TableDescription | undefined;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  if (existing) return addMissingIndexes(client, createTableInput(spec, tableName), existing);
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

/** DynamoDB takes one new global index per UpdateTable, and answers queries on it once it is built. */
async function addMissingIndexes(
  client: DynamoDBClient,
  wanted: CreateTableCommandInput,
  existing: TableDescription,
): Promise<void> {
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: wanted.TableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await untilIndexActive(client, wanted.TableName as string, index.IndexName as string);
  }
}

const indexBuildTimeoutMs = 60_000;

async function untilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  const deadline = Date.now() + indexBuildTimeoutMs;
  for (;;) {
    const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    const index = table?.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    if (Date.now() > deadline) {
      throw new IndexBuildTimeoutError(
        `index ${indexName} of ${tableName} is still ${index?.IndexStatus ?? 'missing'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
