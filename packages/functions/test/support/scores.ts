/** Seeds user totals exactly as the worker stores them (its codec: same keys, shard key and rank key). */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { encodeTotal } from '@leaderboard/core/items/total';
import type { RankedTotal } from '@leaderboard/core/ranking';
import { scoresTable } from '@leaderboard/core/tables';
import { chunks } from './activities.ts';

export interface SeedTotal extends RankedTotal {
  readonly displayName?: string;
}

export async function seedTotals(
  documentClient: DynamoDBDocumentClient,
  boardId: string,
  totals: readonly SeedTotal[],
  shards: number,
): Promise<void> {
  const requests = chunks(totals, 25).map((chunk) =>
    chunk.map((total) => ({
      PutRequest: {
        Item: encodeTotal(
          {
            userId: total.userId,
            boardId,
            displayName: total.displayName ?? total.userId,
            score: total.score,
            reachedAt: total.reachedAt,
            updatedAt: total.reachedAt,
            teamIds: [],
          },
          shards,
        ),
      },
    })),
  );
  for (const wave of chunks(requests, 4)) {
    await Promise.all(
      wave.map(async (writes) => {
        let pending: typeof writes = writes;
        while (pending.length > 0) {
          const result = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { [scoresTable.name]: pending } }),
          );
          pending = (result.UnprocessedItems?.[scoresTable.name] ?? []) as typeof writes;
        }
      }),
    );
  }
}
