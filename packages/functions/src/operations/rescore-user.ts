/**
 * Writes a user's rescored points back to the log (see core `rescoring.ts`): each activity on
 * condition its points are still what was read, and each day counter that still lives (it expires
 * once no activity can count on its day) on condition it too is unchanged, so the cap of the
 * activities recorded from now on follows the corrected points. Whatever moved meanwhile is left
 * for the next replay; the aggregates are recomputed from the log afterwards either way.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { utcDayKey } from '@leaderboard/core/calendar';
import { activityAttributes, activityKey } from '@leaderboard/core/items/activity';
import { dailyPointsAttributes, dailyPointsKey } from '@leaderboard/core/items/counters';
import { decodeDailyPoints } from '@leaderboard/core/items/decode';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { dayPointsKey, rescoreHistory, type RescoredActivity } from '@leaderboard/core/rescoring';
import type { RecomputeDependencies } from './recompute-user.ts';
import { readUserHistory } from './user-history.ts';

async function onCondition(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

function writePoints(deps: RecomputeDependencies, rescored: RescoredActivity): Promise<boolean> {
  const names = activityAttributes;
  const { activity } = rescored;
  return onCondition(
    deps.documentClient.send(
      new UpdateCommand({
        TableName: deps.tables.activities,
        Key: { ...activityKey(activity.userId, activity.key) },
        UpdateExpression: 'SET #points = :points, #basePoints = :basePoints',
        ConditionExpression: '#points = :was AND #basePoints = :baseWas',
        ExpressionAttributeNames: { '#points': names.points, '#basePoints': names.basePoints },
        ExpressionAttributeValues: {
          ':points': rescored.points,
          ':basePoints': rescored.basePoints,
          ':was': activity.points,
          ':baseWas': activity.basePoints,
        },
      }),
    ),
  );
}

async function writeDayPoints(
  deps: RecomputeDependencies,
  userId: string,
  day: string,
  type: string,
  points: number,
): Promise<void> {
  const key = { ...dailyPointsKey(userId, day, type) };
  const read = await deps.documentClient.send(
    new GetCommand({ TableName: deps.tables.activities, Key: key, ConsistentRead: true }),
  );
  if (!read.Item) return;
  const was = decodeDailyPoints(read.Item).points;
  if (was === points) return;
  await onCondition(
    deps.documentClient.send(
      new UpdateCommand({
        TableName: deps.tables.activities,
        Key: key,
        UpdateExpression: 'SET #points = :points',
        ConditionExpression: '#points = :was',
        ExpressionAttributeNames: { '#points': dailyPointsAttributes.points },
        ExpressionAttributeValues: { ':points': points, ':was': was },
      }),
    ),
  );
}

/** Rescores the user's log; the number of activities whose points changed. */
export async function rescoreUser(deps: RecomputeDependencies, userId: string): Promise<number> {
  const rescoring = rescoreHistory(await readUserHistory(deps, userId));
  const written = await Promise.all(rescoring.changed.map((rescored) => writePoints(deps, rescored)));
  // Only the days of changed activities can have counters that differ.
  const days = new Map<string, { day: string; type: string }>();
  for (const { activity } of rescoring.changed) {
    const day = utcDayKey(utcTimestampMs(activity.occurredAt));
    days.set(dayPointsKey(day, activity.type), { day, type: activity.type });
  }
  for (const [key, { day, type }] of days)
    await writeDayPoints(deps, userId, day, type, rescoring.dayPoints.get(key) ?? 0);
  return written.filter(Boolean).length;
}
