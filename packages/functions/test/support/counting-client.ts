/**
 * A document client on DynamoDB Local that counts the Queries it sends and the items they
 * return, as DynamoDB reports them (`Count`): a read cost measured outside the code under test.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '@leaderboard/core/test-support/dynamodb';

export interface QueryCounts {
  queries: number;
  itemsRead: number;
}

export interface CountingDocumentClient {
  readonly documentClient: DynamoDBDocumentClient;
  /** Running totals; reset them by assigning 0. */
  readonly counts: QueryCounts;
  destroy(): void;
}

export function countingDocumentClient(endpoint: string): CountingDocumentClient {
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  const counts: QueryCounts = { queries: 0, itemsRead: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if ((context as { commandName?: string }).commandName === 'QueryCommand') {
        counts.queries += 1;
        counts.itemsRead += (result.output as { Count?: number }).Count ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'countQueryItems' },
  );
  return { documentClient: DynamoDBDocumentClient.from(client), counts, destroy: () => client.destroy() };
}
