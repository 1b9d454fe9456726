import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '@leaderboard/core';
import { inject } from 'vitest';
import { localCredentials, localRegion } from '../aws/dynamodb-local.ts';
import { clearTable } from '../aws/tables.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

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
  for (const table of tables) await clearTable(documentClient, table, table.name);
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
