/**
 * An erased user's entries taken out of the boards' latest snapshots at once, rather than at the
 * rebuilder's next tick: the snapshot is written again without them, ranks closed up, as a new
 * version not yet published, so the rebuilder publishes it (or the full rebuild that follows).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isTeamBoardId } from '@leaderboard/core/boards';
import { decodeSnapshot } from '@leaderboard/core/items/decode';
import { encodeSnapshot, snapshotAttributes, snapshotKey } from '@leaderboard/core/items/snapshot';
import type { RecomputeDependencies } from './recompute-user.ts';

/** Whether the board's snapshot held the user (and now does not). */
export async function stripFromSnapshot(
  deps: RecomputeDependencies,
  boardId: string,
  userId: string,
): Promise<boolean> {
  // Team snapshots list teams, not users.
  if (isTeamBoardId(boardId)) return false;
  for (;;) {
    const read = await deps.documentClient.send(
      new GetCommand({
        TableName: deps.tables.scores,
        Key: { ...snapshotKey(boardId) },
        ConsistentRead: true,
      }),
    );
    if (!read.Item) return false;
    const snapshot = decodeSnapshot(read.Item);
    if (!snapshot.entries.some((entry) => entry.userId === userId)) return false;
    const entries = snapshot.entries
      .filter((entry) => entry.userId !== userId)
      .map((entry, index) => ({ ...entry, rank: index + 1 }));
    try {
      await deps.documentClient.send(
        new PutCommand({
          TableName: deps.tables.scores,
          Item: encodeSnapshot({ ...snapshot, version: snapshot.version + 1, entries }),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': snapshotAttributes.version },
          ExpressionAttributeValues: { ':version': snapshot.version },
        }),
      );
      return true;
    } catch (error) {
      // The rebuilder wrote a version meanwhile: strip that one.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
