/**
 * Which boards changed since the rebuilder's previous run: the workers' per-minute change
 * marks (see `aggregation/board-changes.ts`), read minute by minute from the previous
 * run's start (minus an overlap for clock skew and in-flight transactions) to now.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boardChangeAttributes, boardChangePartition } from '@leaderboard/core/items/board-change';
import { decodeBoardChange, decodeRebuildCursor } from '@leaderboard/core/items/decode';
import {
  encodeRebuildCursor,
  rebuildCursorAttributes,
  rebuildCursorKey,
} from '@leaderboard/core/items/rebuild-cursor';
import { epochMinute } from '@leaderboard/core/keys';

export interface ChangeSource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
}

/** The start time (epoch ms) of the previous successful run, or null on the first run. */
export async function readRebuildCursor(source: ChangeSource): Promise<number | null> {
  const result = await source.documentClient.send(
    new GetCommand({ TableName: source.scoresTable, Key: rebuildCursorKey, ConsistentRead: true }),
  );
  return result.Item ? decodeRebuildCursor(result.Item).startedAtMs : null;
}

/** Moves the cursor forward only, so a slow run finishing late cannot rewind a newer one. */
export async function writeRebuildCursor(source: ChangeSource, startedAtMs: number): Promise<void> {
  try {
    await source.documentClient.send(
      new PutCommand({
        TableName: source.scoresTable,
        Item: encodeRebuildCursor({ startedAtMs }),
        ConditionExpression: 'attribute_not_exists(#startedAt) OR #startedAt < :startedAt',
        ExpressionAttributeNames: { '#startedAt': rebuildCursorAttributes.startedAt },
        ExpressionAttributeValues: { ':startedAt': startedAtMs },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Minute partitions read at once: a long gap between runs stays quick without flooding the table. */
const concurrentMinuteReads = 16;

/** A board marked changed, and since when: the start of the earliest minute read that marks it. */
export interface ChangedBoard {
  readonly boardId: string;
  readonly changedSinceMs: number;
}

/** Boards marked changed in any minute from `fromMs` to `toMs`, inclusive, sorted by board id. */
export async function findChangedBoards(
  source: ChangeSource,
  fromMs: number,
  toMs: number,
): Promise<ChangedBoard[]> {
  const firstMinuteByBoard = new Map<string, number>();
  const minutes: number[] = [];
  for (let minute = epochMinute(fromMs); minute <= epochMinute(toMs); minute += 1) minutes.push(minute);
  for (let start = 0; start < minutes.length; start += concurrentMinuteReads) {
    const batch = minutes.slice(start, start + concurrentMinuteReads);
    const found = await Promise.all(batch.map((minute) => boardsMarkedIn(source, minute)));
    found.forEach((boardIds, index) => {
      // Minutes are read in ascending order, so the first minute seen for a board is its earliest.
      for (const boardId of boardIds)
        if (!firstMinuteByBoard.has(boardId)) firstMinuteByBoard.set(boardId, batch[index]!);
    });
  }
  return [...firstMinuteByBoard]
    .map(([boardId, minute]) => ({ boardId, changedSinceMs: minute * 60_000 }))
    .sort((a, b) => (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0));
}

async function boardsMarkedIn(source: ChangeSource, minute: number): Promise<string[]> {
  const boardIds: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await source.documentClient.send(
      new QueryCommand({
        TableName: source.scoresTable,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': boardChangeAttributes.pk },
        ExpressionAttributeValues: { ':pk': boardChangePartition(minute) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) boardIds.push(decodeBoardChange(item).boardId);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return boardIds;
}
