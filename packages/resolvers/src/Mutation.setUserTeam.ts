/**
 * Puts a user in a team, or takes them out of the one an admin put them in (`teamId: null`),
 * for the `admins` group only: one transaction writes the assignment and keeps the action in the
 * audit trail. Their activities count for the team from their next one on; what they earned
 * before stays with the team it was recorded for.
 */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationSetUserTeamArgs, TeamAssignment } from '@leaderboard/core/generated/schema';
import { isIdentifier, isUsableUserId } from '@leaderboard/core/identifiers';
import { auditActions } from '@leaderboard/core/items/audit-record';
import { attributesBesidesKey } from '@leaderboard/core/items/item';
import {
  encodeTeamAssignment,
  teamAssignmentAttributes,
  teamAssignmentKey,
} from '@leaderboard/core/items/team-assignment';
import { requireAdmin } from './lib/caller.ts';
import { endOnDataSourceError } from './lib/errors.ts';
import { keyValues } from './lib/keys.ts';
import { auditItems, auditRecord, requireReason, type TransactItem } from './lib/operators.ts';

interface SetUserTeamStash {
  assignment: TeamAssignment;
}

function invalid(message: string, field: string): never {
  return util.error(message, errorTypes.validation, null, { field });
}

function assignmentItem(table: string, assignment: TeamAssignment): TransactItem {
  const key = keyValues(teamAssignmentKey(assignment.userId));
  if (!assignment.teamId) return { table, operation: 'DeleteItem', key };
  const item = encodeTeamAssignment({ ...assignment, teamId: assignment.teamId });
  const names = teamAssignmentAttributes;
  return {
    table,
    operation: 'PutItem',
    key,
    attributeValues: util.dynamodb.toMapValues(attributesBesidesKey(item, [names.pk, names.sk])),
  };
}

export function request(
  ctx: Context<MutationSetUserTeamArgs, SetUserTeamStash>,
): DynamoDBTransactWriteItemsRequest {
  const admin = requireAdmin(ctx);
  const { userId, teamId } = ctx.args;
  if (!isUsableUserId(userId, serviceConfig.maxStringLength))
    invalid(`userId must be 1 to ${serviceConfig.maxStringLength} characters without '#'.`, 'userId');
  if (teamId && !isIdentifier(teamId, serviceConfig.maxTeamIdLength))
    invalid(`teamId must be 1 to ${serviceConfig.maxTeamIdLength} letters, digits, '-' or '_'.`, 'teamId');
  const reason = requireReason(ctx.args.reason);
  const audit = auditRecord({
    action: auditActions.setUserTeam,
    actor: admin.userId,
    reason,
    subjectUserId: userId,
    target: teamId ? teamId : null,
    details: {},
  });
  const assignment = {
    userId,
    teamId: teamId ? teamId : null,
    assignedBy: admin.userId,
    assignedAt: audit.at,
  };
  ctx.stash.assignment = assignment;
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  return {
    operation: 'TransactWriteItems',
    transactItems: [assignmentItem(table, assignment), ...auditItems(table, audit)],
  };
}

export function response(ctx: Context<MutationSetUserTeamArgs, SetUserTeamStash>): TeamAssignment {
  endOnDataSourceError(ctx.error);
  return ctx.stash.assignment;
}
