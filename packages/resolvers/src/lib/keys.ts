import { util } from '@aws-appsync/utils';
import type { ScoresKey } from '@leaderboard/core/keys';

/** A Scores table key as DynamoDB attribute values. */
export function scoresKey(key: ScoresKey): Record<string, { S: string }> {
  return util.dynamodb.toMapValues({ pk: key.pk, sk: key.sk }) as Record<string, { S: string }>;
}
