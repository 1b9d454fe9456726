/**
 * Puts a user in a team, or takes them out of the one an admin put them in (`teamId: null`),
 * for the `admins` group only. Their activities count for the team from their next one on; what
 * they earned before stays with the team it was recorded for.
 */
import {
  util,
  type Context,
  type DynamoDBDeleteItemRequest,
  type DynamoDBPutItemRequest,
} from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationSetUserTeamArgs, TeamAssignment } from '@leaderboard/core/generated/schema';
import { isIdentifier, isUsableUserId } from '@leaderboard/core/identifiers';
import { attributesBesidesKey } from '@leaderboard/core/items/item';
import {
  encodeTeamAssignment,
  teamAssignmentAttributes,
  teamAssignmentKey,
} from '@leaderboard/core/items/team-assignment';
import { requireAdmin } from './lib/caller.ts';
import { endOnDataSourceError } from './lib/errors.ts';
import { keyValues } from './lib/keys.ts';

interface SetUserTeamStash {
  assignment: TeamAssignment;
}

function invalid(message: string, field: string): never {
  return util.error(message, errorTypes.validation, null, { field });
}

export function request(
  ctx: Context<MutationSetUserTeamArgs, SetUserTeamStash>,
): DynamoDBPutItemRequest | DynamoDBDeleteItemRequest {
  const admin = requireAdmin(ctx);
  const { userId, teamId } = ctx.args;
  if (!isUsableUserId(userId, serviceConfig.maxStringLength))
    invalid(`userId must be 1 to ${serviceConfig.maxStringLength} characters without '#'.`, 'userId');
  if (teamId && !isIdentifier(teamId, serviceConfig.maxTeamIdLength)) {
    invalid(`teamId must be 1 to ${serviceConfig.maxTeamIdLength} letters, digits, '-' or '_'.`, 'teamId');
  }
  const assignedAt = util.time.nowISO8601();
  ctx.stash.assignment = { userId, teamId: teamId ? teamId : null, assignedBy: admin.userId, assignedAt };
  const key = keyValues(teamAssignmentKey(userId));
  if (!teamId) return { operation: 'DeleteItem', key };
  const item = encodeTeamAssignment({ userId, teamId, assignedBy: admin.userId, assignedAt });
  return {
    operation: 'PutItem',
    key,
    attributeValues: util.dynamodb.toMapValues(
      attributesBesidesKey(item, [teamAssignmentAttributes.pk, teamAssignmentAttributes.sk]),
    ),
  };
}

export function response(ctx: Context<MutationSetUserTeamArgs, SetUserTeamStash>): TeamAssignment {
  endOnDataSourceError(ctx.error);
  return ctx.stash.assignment;
}
