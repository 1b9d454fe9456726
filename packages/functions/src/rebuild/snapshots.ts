/**
 * Board snapshots: the latest published ranking of a board, one item per board (what
 * `Query.leaderboard` reads with one GetItem). Versions only go up, each write conditional
 * on the version it replaces, so of two racing rebuilders exactly one wins.
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeSnapshot } from '@leaderboard/core/items/decode';
import {
  encodeSnapshot,
  snapshotAttributes,
  snapshotKey,
  type BoardSnapshot,
} from '@leaderboard/core/items/snapshot';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

export type { BoardSnapshot };

export interface SnapshotStore {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
}

export async function readSnapshot(store: SnapshotStore, boardId: string): Promise<BoardSnapshot | null> {
  const result = await store.documentClient.send(
    new GetCommand({ TableName: store.scoresTable, Key: snapshotKey(boardId), ConsistentRead: true }),
  );
  return result.Item ? decodeSnapshot(result.Item) : null;
}

/** Writes `snapshot` if the stored version is still `previousVersion` (0: none); false when another writer won. */
export function writeSnapshot(
  store: SnapshotStore,
  snapshot: BoardSnapshot,
  previousVersion: number,
): Promise<boolean> {
  return writeVersioned(store, encodeSnapshot(snapshot), previousVersion);
}

/** Writes an encoded snapshot of either kind on the same condition as `writeSnapshot`. */
export async function writeVersioned(
  store: SnapshotStore,
  item: Record<string, unknown>,
  previousVersion: number,
): Promise<boolean> {
  try {
    await store.documentClient.send(
      new PutCommand({
        TableName: store.scoresTable,
        Item: item,
        ...(previousVersion === 0
          ? {
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': snapshotAttributes.pk },
            }
          : {
              ConditionExpression: '#version = :previous',
              ExpressionAttributeNames: { '#version': snapshotAttributes.version },
              ExpressionAttributeValues: { ':previous': previousVersion },
            }),
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
        UpdateExpression: 'SET #publishedVersion = :version',
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: {
          '#publishedVersion': snapshotAttributes.publishedVersion,
          '#version': snapshotAttributes.version,
        },
        ExpressionAttributeValues: { ':version': version },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
