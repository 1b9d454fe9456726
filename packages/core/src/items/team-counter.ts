/**
 * One team's points and members on one board, in one shard (Scores table,
 * `TEAMS#<boardId>#<shard>` / `TEAM#<teamId>`). The worker adds each activity's points to the
 * shard of its user (the user's score shard), so a team's writes spread over the shards as the
 * score index's do; the rebuilder reads a board's shards (one Query each) and sums them per team.
 * `members` counts the users who earned points for the team on the board.
 */
import { digitsValue, isDigits } from '../identifiers.ts';
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemExpression,
} from './item.ts';

export const teamCounterAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  teamId: 'teamId',
  points: 'points',
  members: 'members',
  updatedAt: 'updatedAt',
} as const;

export interface TeamCounter {
  readonly boardId: string;
  readonly shard: number;
  readonly teamId: string;
  readonly points: number;
  readonly members: number;
  readonly updatedAt: string;
}

const partitionPrefix = 'TEAMS';
const teamPrefix = `TEAM${keySeparator}`;

/** The partition holding every team's counter of a board in one shard. */
export const teamCounterPartition = (boardId: string, shard: number): string =>
  [partitionPrefix, boardId, `${shard}`].join(keySeparator);

export const teamCounterKey = (boardId: string, shard: number, teamId: string): ScoresKey => ({
  pk: teamCounterPartition(boardId, shard),
  sk: `${teamPrefix}${teamId}`,
});

export function encodeTeamCounter(counter: TeamCounter): ItemAttributes {
  const names = teamCounterAttributes;
  const key = teamCounterKey(counter.boardId, counter.shard, counter.teamId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.teamCounter,
    [names.boardId]: counter.boardId,
    [names.teamId]: counter.teamId,
    [names.points]: counter.points,
    [names.members]: counter.members,
    [names.updatedAt]: counter.updatedAt,
  };
}

export function parseTeamCounter(item: unknown): Decoded<TeamCounter> {
  const names = teamCounterAttributes;
  const reader = startReading(item, 'team counter item', itemKinds.teamCounter);
  const boardId = nonEmptyText(reader, names.boardId);
  const teamId = nonEmptyText(reader, names.teamId);
  const pk = nonEmptyText(reader, names.pk);
  const shardText = pk.slice(pk.lastIndexOf(keySeparator) + 1);
  if (!isDigits(shardText)) noteProblem(reader, `${names.pk} does not end in a shard`);
  const shard = isDigits(shardText) ? digitsValue(shardText) : 0;
  expectKey(reader, teamCounterKey(boardId, shard, teamId));
  return finishReading(reader, {
    boardId,
    shard,
    teamId,
    points: wholeNumber(reader, names.points, 0),
    members: wholeNumber(reader, names.members, 0),
    updatedAt: timestampAttribute(reader, names.updatedAt),
  });
}

/**
 * Moves a team's counter of one board shard by `points` and `members` (either may be negative: a
 * reversal, an erasure or a replay takes a user's share back).
 */
export function teamCounterChange(change: {
  readonly boardId: string;
  readonly teamId: string;
  readonly points: number;
  readonly members: number;
  readonly updatedAt: string;
}): ItemExpression {
  const names = teamCounterAttributes;
  return {
    expression:
      'SET #kind = :kind, #boardId = :boardId, #teamId = :teamId, #updatedAt = :updatedAt ' +
      'ADD #points :points, #members :members',
    names: {
      '#kind': names.kind,
      '#boardId': names.boardId,
      '#teamId': names.teamId,
      '#updatedAt': names.updatedAt,
      '#points': names.points,
      '#members': names.members,
    },
    values: {
      ':kind': itemKinds.teamCounter,
      ':boardId': change.boardId,
      ':teamId': change.teamId,
      ':updatedAt': change.updatedAt,
      ':points': change.points,
      ':members': change.members,
    },
  };
}

/** Adds one activity's points to the team, and one member when the user is new to the team on the board. */
export function teamCounterIncrement(change: {
  readonly boardId: string;
  readonly teamId: string;
  readonly points: number;
  readonly newMember: boolean;
  readonly updatedAt: string;
}): ItemExpression {
  const { newMember, ...rest } = change;
  return teamCounterChange({ ...rest, members: newMember ? 1 : 0 });
}
