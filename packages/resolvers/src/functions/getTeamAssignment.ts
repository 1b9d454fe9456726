/** recordActivity, step 3: the team an admin put the caller in, which takes precedence over the token's. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { parseTeamAssignment, teamAssignmentKey } from '@leaderboard/core/items/team-assignment';
import type { RecordActivityStash } from '../lib/activity.ts';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: keyValues(teamAssignmentKey(ctx.stash.activity.userId)) };
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) return null;
  const assignment = decodedOrInternalFailure(parseTeamAssignment(ctx.result));
  ctx.stash.activity = { ...ctx.stash.activity, teamId: assignment.teamId };
  return assignment.teamId;
}
