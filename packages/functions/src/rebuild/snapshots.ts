/**
 * Board snapshots: the latest published ranking of a board, one item per board (what
 * `Query.leaderboard` reads with one GetItem). Versions only go up, each write conditional
 * on the version it replaces, so of two racing rebuilders exactly one wins.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemKinds, snapshotKey } from '@leaderboard/core/keys';
import type { RankedEntry } from '@leaderboard/core/ranking';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export interface BoardSnapshot {
  readonly boardId: string;
  readonly version: number;
  readonly asOf: string;
  readonly entries: RankedEntry[];
  /** The highest version known to have reached subscribers. */
  readonly publishedVersion: number;
}

export interface SnapshotStore {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
}

export async function readSnapshot(store: SnapshotStore, boardId: string): Promise<BoardSnapshot | null> {
  const result = await store.documentClient.send(
    new GetCommand({ TableName: store.scoresTable, Key: snapshotKey(boardId), ConsistentRead: true }),
  );
  const item = result.Item;
  if (!item) return null;
  return {
    boardId,
    version: item['version'] as number,
    asOf: item['asOf'] as string,
    entries: (item['entries'] as RankedEntry[]).map((entry) => ({
      rank: entry.rank,
      previousRank: entry.previousRank ?? null,
      userId: entry.userId,
      displayName: entry.displayName ?? null,
      score: entry.score,
    })),
    publishedVersion: (item['publishedVersion'] as number | undefined) ?? 0,
  };
}

/** Writes `snapshot` if the stored version is still `previousVersion` (0: none); false when another writer won. */
export async function writeSnapshot(
  store: SnapshotStore,
  snapshot: BoardSnapshot,
  previousVersion: number,
): Promise<boolean> {
  try {
    await store.documentClient.send(
      new PutCommand({
        TableName: store.scoresTable,
        Item: { ...snapshotKey(snapshot.boardId), kind: itemKinds.snapshot, ...snapshot },
        ConditionExpression: previousVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :previous',
        ...(previousVersion === 0 ? {} : { ExpressionAttributeValues: { ':previous': previousVersion } }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Records that `version` reached subscribers, unless a newer snapshot replaced it meanwhile. */
export async function markPublished(store: SnapshotStore, boardId: string, version: number): Promise<void> {
  try {
    await store.documentClient.send(
      new UpdateCommand({
        TableName: store.scoresTable,
        Key: snapshotKey(boardId),
        UpdateExpression: 'SET publishedVersion = :version',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': version },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
