/**
 * A team board as the API shows it: both orders as `TeamEntry` lists, and the points order again
 * as leaderboard entries (the team id in `userId` and `displayName`) so that any board client,
 * the dashboard included, shows a team board as it shows a user board. The rebuilder publishes
 * this and `leaderboard` answers it. Bundled into APPSYNC_JS resolvers.
 */
import type { LeaderboardEntry, TeamEntry, TeamRankings } from './generated/schema.ts';
import { pointsPerMember, type RankedTeam } from './team-ranking.ts';

export interface TeamBoardView {
  readonly entries: LeaderboardEntry[];
  readonly teams: TeamRankings;
}

const teamEntry = (team: RankedTeam): TeamEntry => ({
  rank: team.rank,
  previousRank: team.previousRank,
  teamId: team.teamId,
  points: team.points,
  members: team.members,
  pointsPerMember: pointsPerMember(team),
});

/** The first `limit` teams of each order. */
export function teamBoardView(
  byPoints: readonly RankedTeam[],
  byPointsPerMember: readonly RankedTeam[],
  limit: number,
): TeamBoardView {
  const first = byPoints.slice(0, limit);
  return {
    entries: first.map((team) => ({
      rank: team.rank,
      previousRank: team.previousRank,
      userId: team.teamId,
      displayName: team.teamId,
      score: team.points,
    })),
    teams: {
      byPoints: first.map(teamEntry),
      byPointsPerMember: byPointsPerMember.slice(0, limit).map(teamEntry),
    },
  };
}
