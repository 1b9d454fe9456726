/** Every item a Query finds, over all its pages (each at most 1 MB). */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type QueryInput = Omit<ConstructorParameters<typeof QueryCommand>[0], 'ExclusiveStartKey'>;

export async function queryAll(
  documentClient: DynamoDBDocumentClient,
  input: QueryInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({ ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
