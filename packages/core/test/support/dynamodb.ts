/**
 * The service's tables on the test run's DynamoDB Local, for every package's integration tests:
 * clients for it, emptying the tables between tests, and reading items back by kind. The
 * integration project's global setup (packages/local/test/support) starts it and creates them.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { tables, type TableSpec } from '../../src/tables.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** DynamoDB Local keeps one database for any credentials and region (`-sharedDb`); the SDK needs some. */
export const localRegion = 'us-east-1';
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Clients for the DynamoDB Local that the global setup started. */
export function testDynamo(): {
  endpoint: string;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
} {
  const endpoint = inject('dynamoEndpoint');
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { endpoint, client, documentClient };
}

/** Empties every service table; call in `beforeEach` so tests start from nothing. */
export async function clearAllTables(documentClient: DynamoDBDocumentClient): Promise<void> {
  for (const table of tables) await clearTable(documentClient, table);
}

/** Deletes every item of a table: tests clear items rather than recreate stream tables. */
async function clearTable(client: DynamoDBDocumentClient, spec: TableSpec): Promise<void> {
  const keyNames = [spec.primaryIndex.hashKey, spec.primaryIndex.rangeKey].filter(
    (name): name is string => name !== undefined,
  );
  const pages = paginateScan(
    { client },
    {
      TableName: spec.name,
      ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(keyNames.map((name, i) => [`#k${i}`, name])),
    },
  );
  for await (const page of pages) {
    const items = page.Items ?? [];
    for (let start = 0; start < items.length; start += 25) {
      const chunk = items.slice(start, start + 25);
      await client.send(
        new BatchWriteCommand({
          RequestItems: { [spec.name]: chunk.map((key) => ({ DeleteRequest: { Key: key } })) },
        }),
      );
    }
  }
}

/** Every item of one `kind` in a table, read consistently over all Scan pages. */
export async function itemsOfKind(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
  kind: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#kind = :kind',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: { ':kind': kind },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
