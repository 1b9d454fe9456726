/**
 * recordActivity and recordActivities: the team an admin put the caller in, which takes precedence
 * over the token's.
 */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { parseTeamAssignment, teamAssignmentKey } from '@leaderboard/core/items/team-assignment';
import type { RecordingTeam } from '../lib/activity.ts';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';

type TeamContext = Context<Record<string, unknown>, { team: RecordingTeam }>;

export function request(ctx: TeamContext): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: keyValues(teamAssignmentKey(ctx.stash.team.userId)) };
}

export function response(ctx: TeamContext): unknown {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) return null;
  const assignment = decodedOrInternalFailure(parseTeamAssignment(ctx.result));
  ctx.stash.team = { ...ctx.stash.team, teamId: assignment.teamId };
  return assignment.teamId;
}
