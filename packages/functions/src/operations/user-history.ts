/**
 * A user's whole history from the log: their activity keys from the `byUser` index (eventually
 * consistent, so it is only a list of keys), each activity then read from the table by key,
 * consistently, for what the worker and admins did to it since.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activityAttributes, type StoredActivity } from '@leaderboard/core/items/activity';
import { decodeActivity } from '@leaderboard/core/items/decode';
import type { activitiesTable } from '@leaderboard/core/tables';
import { batchGetAll } from '../store/batch-get-all.ts';
import { queryAll } from '../store/query-all.ts';

export interface HistorySource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: { readonly activities: string };
}

const historyIndex: keyof typeof activitiesTable.globalIndexes = 'byUser';

/** The keys of every activity the index lists for the user. */
export async function historyKeys(source: HistorySource, userId: string): Promise<string[]> {
  const items = await queryAll(source.documentClient, {
    TableName: source.tables.activities,
    IndexName: historyIndex,
    KeyConditionExpression: '#userId = :userId',
    ProjectionExpression: '#pk',
    ExpressionAttributeNames: { '#userId': activityAttributes.userId, '#pk': activityAttributes.pk },
    ExpressionAttributeValues: { ':userId': userId },
  });
  const keys = items.map((item) => item[activityAttributes.pk] as string);
  return keys;
}

/** The activities under `keys` as the table holds them now; keys of items gone since are left out. */
export async function activitiesByKey(
  source: HistorySource,
  keys: readonly string[],
): Promise<StoredActivity[]> {
  const itemKeys = keys.map((pk) => ({ [activityAttributes.pk]: pk }));
  const items = await batchGetAll(source.documentClient, source.tables.activities, itemKeys);
  return items.map(decodeActivity);
}

export async function readUserHistory(source: HistorySource, userId: string): Promise<StoredActivity[]> {
  return activitiesByKey(source, await historyKeys(source, userId));
}
