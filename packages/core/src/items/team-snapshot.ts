/**
 * A team board's latest snapshot (Scores table, the snapshot key of `team:<boardId>`, kind
 * `teamSnapshot`): its teams in both orders, by points and by points per member, each entry with
 * its previous rank in that order. Written by the rebuilder, versioned like user boards'
 * snapshots, read with one GetItem by `leaderboard`. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds } from '../keys.ts';
import type { RankedTeam } from '../team-ranking.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  listAttribute,
  nonEmptyText,
  noteProblem,
  optionalWholeNumber,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemReader,
} from './item.ts';
import { snapshotKey } from './snapshot.ts';

export const teamSnapshotAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  version: 'version',
  asOf: 'asOf',
  byPoints: 'byPoints',
  byPointsPerMember: 'byPointsPerMember',
  publishedVersion: 'publishedVersion',
} as const;

/** Attributes of each map in the two lists. */
export const teamSnapshotEntryAttributes = {
  rank: 'rank',
  previousRank: 'previousRank',
  teamId: 'teamId',
  points: 'points',
  members: 'members',
} as const;

export interface TeamBoardSnapshot {
  /** `team:<boardId>`. */
  readonly boardId: string;
  readonly version: number;
  /** ISO 8601 UTC: when the rebuilder read the team counters. */
  readonly asOf: string;
  readonly byPoints: RankedTeam[];
  readonly byPointsPerMember: RankedTeam[];
  /** The highest version known to have reached subscribers. */
  readonly publishedVersion: number;
}

/** A team board's snapshot lives where any board's does: one GetItem reads either kind. */
export const teamSnapshotKey = snapshotKey;

function encodeTeams(teams: readonly RankedTeam[]): ItemAttributes[] {
  const names = teamSnapshotEntryAttributes;
  return teams.map((team) => ({
    [names.rank]: team.rank,
    [names.previousRank]: team.previousRank,
    [names.teamId]: team.teamId,
    [names.points]: team.points,
    [names.members]: team.members,
  }));
}

export function encodeTeamSnapshot(snapshot: TeamBoardSnapshot): ItemAttributes {
  const names = teamSnapshotAttributes;
  const key = teamSnapshotKey(snapshot.boardId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.teamSnapshot,
    [names.boardId]: snapshot.boardId,
    [names.version]: snapshot.version,
    [names.asOf]: snapshot.asOf,
    [names.byPoints]: encodeTeams(snapshot.byPoints),
    [names.byPointsPerMember]: encodeTeams(snapshot.byPointsPerMember),
    [names.publishedVersion]: snapshot.publishedVersion,
  };
}

function parseTeam(stored: unknown, subject: string): Decoded<RankedTeam> {
  const names = teamSnapshotEntryAttributes;
  const reader = startReading(stored, subject, null);
  return finishReading(reader, {
    rank: wholeNumber(reader, names.rank, 1),
    previousRank: optionalWholeNumber(reader, names.previousRank, 1),
    teamId: nonEmptyText(reader, names.teamId),
    points: wholeNumber(reader, names.points, 0),
    members: wholeNumber(reader, names.members, 0),
  });
}

function teamList(reader: ItemReader, name: string): RankedTeam[] {
  const teams: RankedTeam[] = [];
  listAttribute(reader, name).forEach((stored, index) => {
    const team = parseTeam(stored, `${name} ${index}`);
    if (team.ok) teams.push(team.value);
    else noteProblem(reader, team.problem);
  });
  return teams;
}

export function parseTeamSnapshot(item: unknown): Decoded<TeamBoardSnapshot> {
  const names = teamSnapshotAttributes;
  const reader = startReading(item, 'team snapshot item', itemKinds.teamSnapshot);
  const boardId = nonEmptyText(reader, names.boardId);
  expectKey(reader, teamSnapshotKey(boardId));
  return finishReading(reader, {
    boardId,
    version: wholeNumber(reader, names.version, 1),
    asOf: timestampAttribute(reader, names.asOf),
    byPoints: teamList(reader, names.byPoints),
    byPointsPerMember: teamList(reader, names.byPointsPerMember),
    publishedVersion: optionalWholeNumber(reader, names.publishedVersion, 0) ?? 0,
  });
}
