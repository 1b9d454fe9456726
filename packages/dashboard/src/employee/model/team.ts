/** The caller's team on a team board: its place by points and by points per member. */

export interface TeamEntryInput {
  readonly rank: number;
  readonly teamId: string;
  readonly points: number;
  readonly members: number;
  readonly pointsPerMember: number;
}

export interface TeamRankingsInput {
  readonly byPoints: readonly TeamEntryInput[];
  readonly byPointsPerMember: readonly TeamEntryInput[];
}

export interface TeamSummary {
  readonly teamId: string;
  /** "#2 of 5 teams by points"; null while the team is not on the board. */
  readonly byPoints: string | null;
  readonly byPointsPerMember: string | null;
  /** "340 points from 4 members (85 each)". */
  readonly points: string | null;
}

const count = (value: number, one: string, many: string): string =>
  `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

export function teamSummary(teamId: string, rankings: TeamRankingsInput | null | undefined): TeamSummary {
  const byPoints = rankings?.byPoints ?? [];
  const byPointsPerMember = rankings?.byPointsPerMember ?? [];
  const entry = byPoints.find((team) => team.teamId === teamId);
  const perMember = byPointsPerMember.find((team) => team.teamId === teamId);
  const teams = count(byPoints.length, 'team', 'teams');
  return {
    teamId,
    byPoints: entry ? `#${entry.rank} of ${teams} by points` : null,
    byPointsPerMember: perMember ? `#${perMember.rank} of ${teams} by points per member` : null,
    points: entry
      ? `${count(entry.points, 'point', 'points')} from ${count(entry.members, 'member', 'members')} (${entry.pointsPerMember.toLocaleString('en')} each)`
      : null,
  };
}
