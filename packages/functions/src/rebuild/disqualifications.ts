/**
 * What disqualifications do to rebuilds: a disqualified user is left out of the board's top N
 * (each shard is read as much further as there are users to leave out, so the top stays N long),
 * and a disqualification made or ended since the previous tick makes its boards rebuild: its
 * board, or for every board, each board the user has a total on.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeDisqualification } from '@leaderboard/core/items/decode';
import {
  disqualificationAttributes,
  disqualificationChangedAt,
  disqualificationPartition,
  disqualifiesOn,
  type Disqualification,
} from '@leaderboard/core/items/disqualification';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { totalAttributes, totalKey } from '@leaderboard/core/items/total';
import { queryAll } from '../store/query-all.ts';
import { readBoardTop, type BoardTop, type BoardTopSource } from './board-top.ts';
import type { ChangedBoard } from './changed-boards.ts';

export interface DisqualificationSource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
}

/** Every disqualification, in force or reinstated lately. */
export async function readDisqualifications(source: DisqualificationSource): Promise<Disqualification[]> {
  const items = await queryAll(source.documentClient, {
    TableName: source.scoresTable,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': disqualificationAttributes.pk },
    ExpressionAttributeValues: { ':pk': disqualificationPartition },
    ConsistentRead: true,
  });
  return items.map(decodeDisqualification);
}

/** The users the disqualifications leave out of `boardId` now. */
export function usersDisqualifiedOn(
  disqualifications: readonly Disqualification[],
  boardId: string,
): Set<string> {
  return new Set(
    disqualifications
      .filter((disqualification) => disqualifiesOn(disqualification, boardId))
      .map((disqualification) => disqualification.userId),
  );
}

/** The board's top N without the users disqualified on it (`disqualifications` as read for the run, if it was). */
export async function readEligibleTop(
  deps: BoardTopSource & { readonly disqualifications?: readonly Disqualification[] },
  boardId: string,
  topN: number,
): Promise<BoardTop> {
  const excluded = usersDisqualifiedOn(
    deps.disqualifications ?? (await readDisqualifications(deps)),
    boardId,
  );
  if (excluded.size === 0) return readBoardTop(deps, boardId, topN);
  const top = await readBoardTop(deps, boardId, topN + excluded.size);
  return { ...top, totals: top.totals.filter((total) => !excluded.has(total.userId)).slice(0, topN) };
}

/** The boards a user has a total on. */
async function boardsOfUser(source: DisqualificationSource, userId: string): Promise<string[]> {
  const items = await queryAll(source.documentClient, {
    TableName: source.scoresTable,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :total)',
    ProjectionExpression: '#boardId',
    ExpressionAttributeNames: {
      '#pk': totalAttributes.pk,
      '#sk': totalAttributes.sk,
      '#boardId': totalAttributes.boardId,
    },
    // Every total's sort key starts as the key of a total on a board without a name.
    ExpressionAttributeValues: { ':pk': totalKey(userId, '').pk, ':total': totalKey(userId, '').sk },
  });
  return items.map((item) => item[totalAttributes.boardId] as string);
}

/** Boards whose disqualifications changed from `fromMs` to `toMs`, each since when. */
export async function disqualificationChanges(
  source: DisqualificationSource,
  disqualifications: readonly Disqualification[],
  fromMs: number,
  toMs: number,
): Promise<ChangedBoard[]> {
  const changed = disqualifications.filter((disqualification) => {
    const at = utcTimestampMs(disqualificationChangedAt(disqualification));
    return at >= fromMs && at <= toMs;
  });
  const boards = await Promise.all(
    changed.map(async (disqualification) => {
      const changedSinceMs = utcTimestampMs(disqualificationChangedAt(disqualification));
      const boardIds =
        disqualification.boardId === null
          ? await boardsOfUser(source, disqualification.userId)
          : [disqualification.boardId];
      return boardIds.map((boardId) => ({ boardId, changedSinceMs }));
    }),
  );
  return boards.flat();
}

/** Both lists as one, each board once with its earliest change, sorted by board id as the marks are. */
export function mergeChangedBoards(
  marked: readonly ChangedBoard[],
  more: readonly ChangedBoard[],
): ChangedBoard[] {
  const since = new Map<string, number>();
  for (const { boardId, changedSinceMs } of [...marked, ...more])
    since.set(boardId, Math.min(changedSinceMs, since.get(boardId) ?? changedSinceMs));
  return [...since]
    .map(([boardId, changedSinceMs]) => ({ boardId, changedSinceMs }))
    .sort((a, b) => (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0));
}
