/**
 * The first item of an activity's transaction: marks the activity processed, on condition it
 * exists, is not processed yet and is not reversed (an admin may reverse it before the worker
 * gets to it: it then never counts). It also records whether the activity counted for its
 * program, so a recomputation from the log counts it as the worker did, whatever the program
 * became since.
 */
import { activityAttributes } from '@leaderboard/core/items/activity';
import type { RecordedActivity } from './activity-record.ts';
import type { TransactItem } from '../store/transact-item.ts';

export function processedMarker(
  activity: Pick<RecordedActivity, 'pk'>,
  countedForProgram: boolean,
  processedAt: string,
  activitiesTable: string,
): TransactItem {
  const names = activityAttributes;
  return {
    Update: {
      TableName: activitiesTable,
      Key: { [names.pk]: activity.pk },
      UpdateExpression: 'SET #processedAt = :now, #countedForProgram = :counted',
      ConditionExpression:
        'attribute_exists(#pk) AND attribute_not_exists(#processedAt) AND attribute_not_exists(#reversedAt)',
      ExpressionAttributeNames: {
        '#pk': names.pk,
        '#processedAt': names.processedAt,
        '#countedForProgram': names.countedForProgram,
        '#reversedAt': names.reversedAt,
      },
      ExpressionAttributeValues: { ':now': processedAt, ':counted': countedForProgram },
    },
  };
}
