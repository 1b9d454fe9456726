import { util } from '@aws-appsync/utils';
import type { ActivitiesKey, ScoresKey } from '@leaderboard/core/keys';

/** A table key as DynamoDB attribute values. */
export function keyValues(key: ActivitiesKey | ScoresKey): Record<string, { S: string }> {
  return util.dynamodb.toMapValues(key) as Record<string, { S: string }>;
}
