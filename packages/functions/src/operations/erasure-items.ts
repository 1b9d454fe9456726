/** The items an erasure deletes beside a user's partition, found from what it holds. */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { utcDayKey } from '@leaderboard/core/calendar';
import { activityAttributes, activityKey } from '@leaderboard/core/items/activity';
import { dailyPointsKey, rateCounterKey } from '@leaderboard/core/items/counters';
import {
  disqualificationAttributes,
  disqualificationPartition,
  disqualificationPrefix,
} from '@leaderboard/core/items/disqualification';
import { reversalKey } from '@leaderboard/core/items/reversal';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { epochMinute } from '@leaderboard/core/keys';
import { queryAll } from '../store/query-all.ts';
import type { RecomputeDependencies } from './recompute-user.ts';

type Key = Record<string, string>;

export interface LogPageKeys {
  /** The activities, and the reversals the index says they have: items known to exist. */
  readonly counted: Key[];
  /**
   * What may exist beside them: a reversal the index does not show yet (it lags), and the
   * per-minute and per-day counters they moved, which may have expired already.
   */
  readonly beside: Key[];
}

/** The keys to delete for activities as the history index lists them. */
export function logPageKeys(userId: string, activities: readonly Record<string, unknown>[]): LogPageKeys {
  const names = activityAttributes;
  const counted: Key[] = [];
  const beside = new Map<string, Key>();
  const prefix = activityKey(userId, '').pk;
  for (const activity of activities) {
    const pk = activity[names.pk] as string;
    counted.push({ pk });
    const reversal = { ...reversalKey(userId, pk.slice(prefix.length)) };
    if (activity[names.reversedAt] !== undefined) counted.push(reversal);
    else beside.set(reversal.pk, reversal);
    const rate = rateCounterKey(userId, epochMinute(utcTimestampMs(activity[names.recordedAt] as string)));
    const day = utcDayKey(utcTimestampMs(activity[names.occurredAt] as string));
    const daily = dailyPointsKey(userId, day, activity[names.type] as string);
    beside.set(rate.pk, { ...rate });
    beside.set(daily.pk, { ...daily });
  }
  return { counted, beside: [...beside.values()] };
}

/** BatchWriteItem takes at most 25 requests. */
const requestsPerBatch = 25;

export async function deleteKeys(
  deps: RecomputeDependencies,
  table: string,
  keys: readonly Key[],
): Promise<void> {
  for (let start = 0; start < keys.length; start += requestsPerBatch) {
    let pending = keys.slice(start, start + requestsPerBatch).map((key) => ({ DeleteRequest: { Key: key } }));
    // Unprocessed requests (throttling) are sent again.
    while (pending.length > 0) {
      const result = await deps.documentClient.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending } }),
      );
      pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}

/** The keys of every disqualification of the user, in force or reinstated. */
export async function disqualificationKeysOf(deps: RecomputeDependencies, userId: string): Promise<Key[]> {
  const names = disqualificationAttributes;
  const items = await queryAll(deps.documentClient, {
    TableName: deps.tables.scores,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ProjectionExpression: '#pk, #sk',
    ExpressionAttributeNames: { '#pk': names.pk, '#sk': names.sk },
    ExpressionAttributeValues: {
      ':pk': disqualificationPartition,
      ':prefix': disqualificationPrefix(userId),
    },
    ConsistentRead: true,
  });
  const keys = items.map((item) => ({ pk: item[names.pk] as string, sk: item[names.sk] as string }));
  return keys;
}
