/**
 * A board's top N from the sharded `byScore` index: the first N items of every shard (each
 * already in ranking order, see core `ranking.ts`), merged. Reads at most shards x N items,
 * however many users the board has.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeTotal } from '@leaderboard/core/items/decode';
import { totalAttributes } from '@leaderboard/core/items/total';
import { mergeShardTops, scoreShardKey, type RankedTotal } from '@leaderboard/core/ranking';
import { scoresTable } from '@leaderboard/core/tables';

export interface BoardTotal extends RankedTotal {
  readonly displayName: string | null;
}

export interface BoardTop {
  readonly totals: BoardTotal[];
  /** Items the index returned, summed over shards: the cost that must not grow with users. */
  readonly itemsRead: number;
}

export interface BoardTopSource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
  readonly shards: number;
}

const scoreIndexName: keyof typeof scoresTable.globalIndexes = 'byScore';

export async function readBoardTop(source: BoardTopSource, boardId: string, topN: number): Promise<BoardTop> {
  const shardTops = await Promise.all(
    Array.from({ length: source.shards }, (_, shard) =>
      readShardTop(source, scoreShardKey(boardId, shard), topN),
    ),
  );
  return {
    totals: mergeShardTops(
      shardTops.map((top) => top.totals),
      topN,
    ),
    itemsRead: shardTops.reduce((sum, top) => sum + top.itemsRead, 0),
  };
}

async function readShardTop(source: BoardTopSource, shardKey: string, topN: number): Promise<BoardTop> {
  const totals: BoardTotal[] = [];
  let itemsRead = 0;
  let startKey: Record<string, unknown> | undefined;
  // A page can stop short of `Limit` (1 MB cap), so keep reading until N items or the shard's end.
  do {
    const page = await source.documentClient.send(
      new QueryCommand({
        TableName: source.scoresTable,
        IndexName: scoreIndexName,
        KeyConditionExpression: '#shardKey = :shardKey',
        ExpressionAttributeNames: { '#shardKey': totalAttributes.shardKey },
        ExpressionAttributeValues: { ':shardKey': shardKey },
        ScanIndexForward: true,
        Limit: topN - totals.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const total = decodeTotal(item);
      totals.push({
        userId: total.userId,
        score: total.score,
        reachedAt: total.reachedAt,
        displayName: total.displayName,
      });
    }
    itemsRead += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && totals.length < topN);
  return { totals, itemsRead };
}
