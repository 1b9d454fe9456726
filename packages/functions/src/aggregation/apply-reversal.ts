/**
 * Applies an admin's reversal of one activity, exactly once: the user's aggregates on every board
 * and program the activity could count for are recomputed from their log, where the activity now
 * counts for nothing (idempotent: a second delivery finds nothing to change), then one
 * transaction marks the reversal processed, on condition it was not, and gives the activity's
 * points back to the day's cap (the one counter moved at ingest, by addition); a redelivery fails
 * that condition and is skipped.
 *
 * Whether the worker applied the activity before or never (the reversal can overtake it, and the
 * worker then never applies it), the log says the same, so the outcome is the same.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import { utcDayKey } from '@leaderboard/core/calendar';
import { activityKey, type StoredActivity } from '@leaderboard/core/items/activity';
import { dailyPointsAttributes, dailyPointsKey } from '@leaderboard/core/items/counters';
import { decodeActivity, decodeReversal } from '@leaderboard/core/items/decode';
import { reversalAttributes, reversalKey, type StoredReversal } from '@leaderboard/core/items/reversal';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { TransactItem } from '../store/transact-item.ts';
import { readPrograms } from '../operations/programs-catalog.ts';
import { recomputeUser, type RecomputeDependencies } from '../operations/recompute-user.ts';

export type ReversalOutcome = 'applied' | 'duplicate';

async function getItem(
  deps: RecomputeDependencies,
  key: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const result = await deps.documentClient.send(
    new GetCommand({ TableName: deps.tables.activities, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** The reversal's processed mark, on condition it has none yet (and still exists: an erasure may have removed it). */
function processedMark(
  deps: RecomputeDependencies,
  reversal: StoredReversal,
  processedAt: string,
): TransactItem {
  return {
    Update: {
      TableName: deps.tables.activities,
      Key: { ...reversalKey(reversal.userId, reversal.activityKey) },
      UpdateExpression: 'SET #processedAt = :now',
      ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#processedAt)',
      ExpressionAttributeNames: {
        '#pk': reversalAttributes.pk,
        '#processedAt': reversalAttributes.processedAt,
      },
      ExpressionAttributeValues: { ':now': processedAt },
    },
  };
}

/** The activity's points out of its day's cap counter, while the counter lives (it expires once no activity can count on that day). */
function capRelease(deps: RecomputeDependencies, activity: StoredActivity): TransactItem {
  const day = utcDayKey(utcTimestampMs(activity.occurredAt));
  return {
    Update: {
      TableName: deps.tables.activities,
      Key: { ...dailyPointsKey(activity.userId, day, activity.type) },
      UpdateExpression: 'ADD #points :released',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#pk': dailyPointsAttributes.pk, '#points': dailyPointsAttributes.points },
      ExpressionAttributeValues: { ':released': -activity.points },
    },
  };
}

async function markProcessed(
  deps: RecomputeDependencies,
  reversal: StoredReversal,
  activity: StoredActivity,
): Promise<ReversalOutcome> {
  const processedAt = canonicalTimestamp((deps.now ?? Date.now)());
  const withCap =
    activity.points > 0 &&
    (await getItem(deps, {
      ...dailyPointsKey(activity.userId, utcDayKey(utcTimestampMs(activity.occurredAt)), activity.type),
    })) !== undefined;
  const items = [
    processedMark(deps, reversal, processedAt),
    ...(withCap ? [capRelease(deps, activity)] : []),
  ];
  try {
    await deps.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
    return 'applied';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [mark, cap] = error.CancellationReasons ?? [];
    if (mark?.Code === 'ConditionalCheckFailed') return 'duplicate';
    // The counter expired between the read and the write: nothing left to release.
    if (cap?.Code === 'ConditionalCheckFailed')
      return markProcessed(deps, reversal, { ...activity, points: 0 });
    throw error;
  }
}

export async function applyReversal(
  reversal: StoredReversal,
  deps: RecomputeDependencies,
): Promise<ReversalOutcome> {
  const current = await getItem(deps, { ...reversalKey(reversal.userId, reversal.activityKey) });
  // Processed by an earlier delivery, or erased with its user since.
  if (!current || decodeReversal(current).processedAt !== null) return 'duplicate';
  const stored = await getItem(deps, { ...activityKey(reversal.userId, reversal.activityKey) });
  if (!stored) return 'duplicate';
  const activity = decodeActivity(stored);
  const boards = boardsForActivity({
    programId: activity.programId,
    occurredAtMs: utcTimestampMs(activity.occurredAt),
  });
  const programs = await readPrograms(deps);
  await recomputeUser(
    deps,
    activity.userId,
    { boards, programs: activity.programId ? [activity.programId] : [] },
    programs,
  );
  return markProcessed(deps, reversal, activity);
}
