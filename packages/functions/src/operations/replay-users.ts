/**
 * Who a replay page goes through. The `log` phase scans the history index, which holds each
 * user's activities together (one item collection per user), so a page's users come in order and
 * a user split over two pages is taken once (the page after skips the previous page's last user).
 * The `leftovers` phase scans the Scores table for users with aggregates whose log is empty now
 * (their aggregates go): it reads the table's items, and keeps only global totals.
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { globalBoardId } from '@leaderboard/core/boards';
import { activityAttributes } from '@leaderboard/core/items/activity';
import { totalAttributes } from '@leaderboard/core/items/total';
import { kindAttribute } from '@leaderboard/core/items/item';
import { itemKinds, userPartition } from '@leaderboard/core/keys';
import { scoresTable, type activitiesTable } from '@leaderboard/core/tables';
import type { RecomputeDependencies } from './recompute-user.ts';

const historyIndex: keyof typeof activitiesTable.globalIndexes = 'byUser';

export interface UserPage {
  /** Distinct users, in the order the scan met them. */
  readonly userIds: string[];
  /** Where the next page starts; null after the last. */
  readonly cursor: Record<string, unknown> | null;
}

function distinctInOrder(userIds: readonly string[], skip: string | null): string[] {
  const seen = new Set(skip === null ? [] : [skip]);
  const distinct: string[] = [];
  for (const userId of userIds) {
    if (seen.has(userId)) continue;
    seen.add(userId);
    distinct.push(userId);
  }
  return distinct;
}

/** One page of users with activities. */
export async function usersInLog(
  deps: RecomputeDependencies,
  cursor: Record<string, unknown> | null,
  limit: number,
  skip: string | null,
): Promise<UserPage> {
  const page = await deps.documentClient.send(
    new ScanCommand({
      TableName: deps.tables.activities,
      IndexName: historyIndex,
      ProjectionExpression: '#userId',
      ExpressionAttributeNames: { '#userId': activityAttributes.userId },
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: cursor } : {}),
    }),
  );
  const userIds = (page.Items ?? []).map((item) => item[activityAttributes.userId] as string);
  return { userIds: distinctInOrder(userIds, skip), cursor: page.LastEvaluatedKey ?? null };
}

const partitionPrefix = userPartition('');

/**
 * One page of users with aggregates, however many activities they have: every counted activity
 * moves the user's global total, so the users with one are all the users with any aggregate.
 */
export async function usersWithAggregates(
  deps: RecomputeDependencies,
  cursor: Record<string, unknown> | null,
  limit: number,
  skip: string | null,
): Promise<UserPage> {
  const page = await deps.documentClient.send(
    new ScanCommand({
      TableName: deps.tables.scores,
      ProjectionExpression: '#pk',
      FilterExpression: '#kind = :total AND #boardId = :global',
      ExpressionAttributeNames: {
        '#pk': scoresTable.primaryIndex.hashKey,
        '#kind': kindAttribute,
        '#boardId': totalAttributes.boardId,
      },
      ExpressionAttributeValues: { ':total': itemKinds.total, ':global': globalBoardId },
      Limit: limit,
      ...(cursor ? { ExclusiveStartKey: cursor } : {}),
    }),
  );
  const userIds = (page.Items ?? [])
    .map((item) => item[scoresTable.primaryIndex.hashKey] as string)
    .map((pk) => pk.slice(partitionPrefix.length));
  return { userIds: distinctInOrder(userIds, skip), cursor: page.LastEvaluatedKey ?? null };
}

/** Whether the log holds any activity of the user (the `log` phase replayed them, or the worker counts them). */
export async function hasHistory(deps: RecomputeDependencies, userId: string): Promise<boolean> {
  const page = await deps.documentClient.send(
    new QueryCommand({
      TableName: deps.tables.activities,
      IndexName: historyIndex,
      KeyConditionExpression: '#userId = :userId',
      ExpressionAttributeNames: { '#userId': activityAttributes.userId },
      ExpressionAttributeValues: { ':userId': userId },
      ProjectionExpression: '#userId',
      Limit: 1,
    }),
  );
  return (page.Items ?? []).length > 0;
}
