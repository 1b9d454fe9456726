/**
 * A user's whole history from the log: their activity keys from the `byUser` index (eventually
 * consistent, so it is only a list of keys), each activity then read from the table by key,
 * consistently, for what the worker and admins did to it since.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activityAttributes, type StoredActivity } from '@leaderboard/core/items/activity';
import { decodeActivity } from '@leaderboard/core/items/decode';
import type { activitiesTable } from '@leaderboard/core/tables';
import { queryAll } from '../store/query-all.ts';

export interface HistorySource {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: { readonly activities: string };
}

const historyIndex: keyof typeof activitiesTable.globalIndexes = 'byUser';
/** BatchGetItem takes at most 100 keys. */
const keysPerBatch = 100;

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
  const activities: StoredActivity[] = [];
  for (let start = 0; start < keys.length; start += keysPerBatch) {
    let pending: Record<string, unknown>[] = keys
      .slice(start, start + keysPerBatch)
      .map((pk) => ({ [activityAttributes.pk]: pk }));
    // BatchGet may leave some keys unprocessed under load; ask again for those.
    while (pending.length > 0) {
      const result = await source.documentClient.send(
        new BatchGetCommand({
          RequestItems: { [source.tables.activities]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      for (const item of result.Responses?.[source.tables.activities] ?? [])
        activities.push(decodeActivity(item));
      pending = (result.UnprocessedKeys?.[source.tables.activities]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return activities;
}

export async function readUserHistory(source: HistorySource, userId: string): Promise<StoredActivity[]> {
  return activitiesByKey(source, await historyKeys(source, userId));
}
