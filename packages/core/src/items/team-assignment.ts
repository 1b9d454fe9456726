/**
 * A user's team as an admin set it (Scores table, `USER#<userId>` / `TEAM`): written by
 * `setUserTeam`, read by `recordActivity`, where it takes precedence over the token's team claim.
 * Who set it and when travel with it. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, userPartition, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const teamAssignmentAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  userId: 'userId',
  teamId: 'teamId',
  assignedBy: 'assignedBy',
  assignedAt: 'assignedAt',
} as const;

export interface TeamAssignment {
  readonly userId: string;
  readonly teamId: string;
  /** The admin's user id. */
  readonly assignedBy: string;
  /** ISO 8601 UTC. */
  readonly assignedAt: string;
}

export const teamAssignmentKey = (userId: string): ScoresKey => ({ pk: userPartition(userId), sk: 'TEAM' });

export function encodeTeamAssignment(assignment: TeamAssignment): ItemAttributes {
  const names = teamAssignmentAttributes;
  const key = teamAssignmentKey(assignment.userId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.teamAssignment,
    [names.userId]: assignment.userId,
    [names.teamId]: assignment.teamId,
    [names.assignedBy]: assignment.assignedBy,
    [names.assignedAt]: assignment.assignedAt,
  };
}

export function parseTeamAssignment(item: unknown): Decoded<TeamAssignment> {
  const names = teamAssignmentAttributes;
  const reader = startReading(item, 'team assignment item', itemKinds.teamAssignment);
  const userId = nonEmptyText(reader, names.userId);
  expectKey(reader, teamAssignmentKey(userId));
  return finishReading(reader, {
    userId,
    teamId: nonEmptyText(reader, names.teamId),
    assignedBy: nonEmptyText(reader, names.assignedBy),
    assignedAt: timestampAttribute(reader, names.assignedAt),
  });
}
