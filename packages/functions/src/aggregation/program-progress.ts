/**
 * The program part of applying activities: the program as it is now (an activity counts for it by
 * the rule `recordActivity` applied, so one logged under a program that no longer exists, or whose
 * dates or types changed, does not count), and the user's progress after them, written on
 * condition it still holds what was read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { decodeProgram } from '@leaderboard/core/items/decode';
import { setEveryAttribute } from '@leaderboard/core/items/item';
import { programKey, type StoredProgram } from '@leaderboard/core/items/program';
import {
  encodeProgress,
  progressAttributes,
  progressKey,
  type StoredProgress,
} from '@leaderboard/core/items/progress';
import { progressAfter } from '@leaderboard/core/programs';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import type { TransactItem } from '../store/transact-item.ts';

/** The program as it is now; null when it does not exist (any more). */
export async function readProgram(
  programId: string,
  deps: AggregationDependencies,
): Promise<StoredProgram | null> {
  const result = await deps.documentClient.send(
    new GetCommand({ TableName: deps.tables.scores, Key: programKey(programId), ConsistentRead: true }),
  );
  return result.Item ? decodeProgram(result.Item) : null;
}

/** The progress after the activities, each in turn, on condition it still holds what was read (`before`). */
export function progressItems(
  activities: readonly RecordedActivity[],
  program: StoredProgram | null,
  before: StoredProgress | null,
  updatedAt: string,
  deps: AggregationDependencies,
): TransactItem[] {
  const [first] = activities;
  if (program === null || !first) return [];
  // In turn, not summed: the goal is reached at the activity that crosses it, and each one counts.
  const after = activities.reduce<StoredProgress | null>(
    (progress, activity) =>
      progressAfter(
        progress,
        {
          userId: activity.userId,
          programId: program.id,
          points: activity.points,
          recordedAt: canonicalTimestamp(activity.recordedAtMs),
        },
        program.pointsGoal,
        updatedAt,
      ),
    before,
  )!;
  const set = setEveryAttribute(encodeProgress(after), [progressAttributes.pk, progressAttributes.sk]);
  return [
    {
      Update: {
        TableName: deps.tables.scores,
        Key: progressKey(first.userId, program.id),
        UpdateExpression: set.expression,
        // Every counted activity adds one: the count is the progress item's version.
        ConditionExpression: before ? '#activities = :before' : 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: {
          ...set.names,
          ...(before ? { '#activities': progressAttributes.activities } : { '#pk': progressAttributes.pk }),
        },
        ExpressionAttributeValues: { ...set.values, ...(before ? { ':before': before.activities } : {}) },
      },
    },
  ];
}
