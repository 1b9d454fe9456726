/**
 * Which boards changed since the rebuilder's previous run: the workers' per-slot change
 * marks (see `aggregation/board-changes.ts`), read slot by slot from the previous run's
 * start (minus an overlap for clock skew and in-flight transactions) to now.
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
import { boardChangeSlotMs, changeSlot } from '@leaderboard/core/keys';

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

/** Slot partitions read at once: a long gap between runs stays quick without flooding the table. */
const concurrentSlotReads = 16;

/** A board marked changed, and since when: the start of the earliest slot read that marks it. */
export interface ChangedBoard {
  readonly boardId: string;
  readonly changedSinceMs: number;
}

/** Boards marked changed in any slot from `fromMs` to `toMs`, inclusive, sorted by board id. */
export async function findChangedBoards(
  source: ChangeSource,
  fromMs: number,
  toMs: number,
): Promise<ChangedBoard[]> {
  const firstSlotByBoard = new Map<string, number>();
  const slots: number[] = [];
  for (let slot = changeSlot(fromMs); slot <= changeSlot(toMs); slot += 1) slots.push(slot);
  for (let start = 0; start < slots.length; start += concurrentSlotReads) {
    const batch = slots.slice(start, start + concurrentSlotReads);
    const found = await Promise.all(batch.map((slot) => boardsMarkedIn(source, slot)));
    found.forEach((boardIds, index) => {
      // Slots are read in ascending order, so the first slot seen for a board is its earliest.
      for (const boardId of boardIds)
        if (!firstSlotByBoard.has(boardId)) firstSlotByBoard.set(boardId, batch[index]!);
    });
  }
  return [...firstSlotByBoard]
    .map(([boardId, slot]) => ({ boardId, changedSinceMs: slot * boardChangeSlotMs }))
    .sort((a, b) => (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0));
}

async function boardsMarkedIn(source: ChangeSource, slot: number): Promise<string[]> {
  const boardIds: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await source.documentClient.send(
      new QueryCommand({
        TableName: source.scoresTable,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': boardChangeAttributes.pk },
        ExpressionAttributeValues: { ':pk': boardChangePartition(slot) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) boardIds.push(decodeBoardChange(item).boardId);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return boardIds;
}
