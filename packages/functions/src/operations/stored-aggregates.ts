/** A user's aggregates as the Scores table holds them now: their partition, read consistently. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeProgress, decodeTotal } from '@leaderboard/core/items/decode';
import { kindAttribute } from '@leaderboard/core/items/item';
import type { StoredProgress } from '@leaderboard/core/items/progress';
import type { StoredTotal } from '@leaderboard/core/items/total';
import { itemKinds, userPartition } from '@leaderboard/core/keys';
import { scoresTable } from '@leaderboard/core/tables';
import { queryAll } from '../store/query-all.ts';

export interface StoredUserItems {
  /** By board id. */
  readonly totals: Map<string, StoredTotal>;
  /** By program id. */
  readonly progress: Map<string, StoredProgress>;
  /** Every other item of the partition (team assignment, audit pointers ...), as stored. */
  readonly others: Record<string, unknown>[];
}

export interface ScoresSource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: { readonly scores: string };
}

export async function readStoredUserItems(source: ScoresSource, userId: string): Promise<StoredUserItems> {
  const items = await queryAll(source.documentClient, {
    TableName: source.tables.scores,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': scoresTable.primaryIndex.hashKey },
    ExpressionAttributeValues: { ':pk': userPartition(userId) },
    ConsistentRead: true,
  });
  const stored: StoredUserItems = { totals: new Map(), progress: new Map(), others: [] };
  for (const item of items) {
    if (item[kindAttribute] === itemKinds.total) {
      const total = decodeTotal(item);
      stored.totals.set(total.boardId, total);
    } else if (item[kindAttribute] === itemKinds.progress) {
      const progress = decodeProgress(item);
      stored.progress.set(progress.programId, progress);
    } else stored.others.push(item);
  }
  return stored;
}
