/** Every item under `keys` in one table, read consistently: 100 keys a BatchGetItem, asking again for keys left unprocessed. */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const keysPerCall = 100;

export async function batchGetAll(
  documentClient: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += keysPerCall) {
    let pending = keys.slice(start, start + keysPerCall);
    // Under load DynamoDB may leave some keys unprocessed; they are asked for again.
    while (pending.length > 0) {
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      items.push(...(result.Responses?.[table] ?? []));
      pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return items;
}
