/**
 * The program part of applying an activity: whether it counts for its program (the same rule
 * `recordActivity` applied, against the program as it is now, so an activity logged under a
 * program that no longer exists, or whose dates or types changed, does not count), and the
 * user's progress after it, written on condition it still holds what was read.
 */
import { GetCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { decodeProgram, decodeProgress } from '@leaderboard/core/items/decode';
import { setEveryAttribute } from '@leaderboard/core/items/item';
import { programKey, type StoredProgram } from '@leaderboard/core/items/program';
import {
  encodeProgress,
  progressAttributes,
  progressKey,
  type StoredProgress,
} from '@leaderboard/core/items/progress';
import { activityCountsFor, progressAfter } from '@leaderboard/core/programs';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './apply-activity.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** The program the activity counts for, read with its goal; null when it names none or does not count. */
export async function countedProgram(
  activity: RecordedActivity,
  deps: AggregationDependencies,
): Promise<StoredProgram | null> {
  if (!activity.programId) return null;
  const result = await deps.documentClient.send(
    new GetCommand({
      TableName: deps.tables.scores,
      Key: programKey(activity.programId),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) return null;
  const program = decodeProgram(result.Item);
  return activityCountsFor(program, activity).ok ? program : null;
}

/** The user's progress in the program before this activity; null when nothing counted yet. */
export async function readProgress(
  userId: string,
  programId: string,
  deps: AggregationDependencies,
): Promise<StoredProgress | null> {
  const result = await deps.documentClient.send(
    new GetCommand({
      TableName: deps.tables.scores,
      Key: progressKey(userId, programId),
      ConsistentRead: true,
    }),
  );
  return result.Item ? decodeProgress(result.Item) : null;
}

/** The progress after the activity, on condition it still holds what was read (`before`). */
export function progressItems(
  activity: RecordedActivity,
  program: StoredProgram | null,
  before: StoredProgress | null,
  updatedAt: string,
  deps: AggregationDependencies,
): TransactItem[] {
  if (program === null) return [];
  const after = progressAfter(
    before,
    {
      userId: activity.userId,
      programId: program.id,
      points: activity.points,
      recordedAt: canonicalTimestamp(activity.recordedAtMs),
    },
    program.pointsGoal,
    updatedAt,
  );
  const set = setEveryAttribute(encodeProgress(after), [progressAttributes.pk, progressAttributes.sk]);
  return [
    {
      Update: {
        TableName: deps.tables.scores,
        Key: progressKey(activity.userId, program.id),
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
