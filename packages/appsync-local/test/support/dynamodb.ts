/** Clients for the DynamoDB Local that the global setup started, and emptying its tables between tests. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { testCredentials, testRegion } from './credentials.ts';
import { fixtureTables } from './tables.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appSyncLocalDynamoEndpoint: string;
  }
}

export function testDynamo(): { client: DynamoDBClient; documentClient: DynamoDBDocumentClient } {
  const client = new DynamoDBClient({
    endpoint: inject('appSyncLocalDynamoEndpoint'),
    region: testRegion,
    credentials: testCredentials,
  });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, documentClient };
}

/** Deletes every item of every fixture table; tables are created once, items cleared per test. */
export async function clearFixtureTables(documentClient: DynamoDBDocumentClient): Promise<void> {
  for (const table of fixtureTables) {
    const keyNames = (table.KeySchema ?? []).map((key) => key.AttributeName!);
    const pages = paginateScan(
      { client: documentClient },
      {
        TableName: table.TableName,
        ProjectionExpression: keyNames.map((_, index) => `#k${index}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(keyNames.map((name, index) => [`#k${index}`, name])),
      },
    );
    for await (const page of pages) {
      const keys = page.Items ?? [];
      for (let start = 0; start < keys.length; start += 25) {
        const deletes = keys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } }));
        await documentClient.send(new BatchWriteCommand({ RequestItems: { [table.TableName!]: deletes } }));
      }
    }
  }
}
