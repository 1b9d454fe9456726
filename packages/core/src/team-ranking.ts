/**
 * Team boards' two orders. By points: points descending, then team id. By points per member:
 * the ratio descending (compared by cross-multiplying, so no rounding decides a rank), then
 * points descending, then team id, so a small team with fewer but harder-working members can
 * lead. Ranks are ordinal, as on user boards. Runs in the rebuilder.
 */
import { compareCodePoints } from './ranking.ts';

/** A team's sums over the shards of one board. */
export interface TeamTotal {
  readonly teamId: string;
  readonly points: number;
  /** Users who earned points for the team on the board. */
  readonly members: number;
}

export interface RankedTeam extends TeamTotal {
  readonly rank: number;
  /** The team's rank in the same order in the previous snapshot; null when it was not in it. */
  readonly previousRank: number | null;
}

export type TeamOrder = (a: TeamTotal, b: TeamTotal) => number;

export const byPoints: TeamOrder = (a, b) =>
  a.points !== b.points ? b.points - a.points : compareCodePoints(a.teamId, b.teamId);

export const byPointsPerMember: TeamOrder = (a, b) => {
  // A team always has a member once it has points; guard the ratio anyway.
  const left = a.points * Math.max(b.members, 1);
  const right = b.points * Math.max(a.members, 1);
  return left !== right ? right - left : byPoints(a, b);
};

/** Points per member to two decimals, for display; the order itself compares exact ratios. */
export const pointsPerMember = (team: TeamTotal): number =>
  team.members > 0 ? Math.round((team.points / team.members) * 100) / 100 : 0;

/** The first `keep` teams in `order`, ranked, each with its rank in `previous` (the same order's last snapshot). */
export function rankTeams(
  totals: readonly TeamTotal[],
  order: TeamOrder,
  previous: readonly RankedTeam[],
  keep: number,
): RankedTeam[] {
  const previousRanks = new Map(previous.map((team) => [team.teamId, team.rank]));
  return [...totals]
    .sort(order)
    .slice(0, keep)
    .map((team, index) => ({
      teamId: team.teamId,
      points: team.points,
      members: team.members,
      rank: index + 1,
      previousRank: previousRanks.get(team.teamId) ?? null,
    }));
}

/** Whether a ranking differs from the published one in anything but previous ranks. */
export function teamRankingChanged(published: readonly RankedTeam[], next: readonly RankedTeam[]): boolean {
  if (published.length !== next.length) return true;
  return next.some((team, index) => {
    const before = published[index]!;
    return (
      before.teamId !== team.teamId ||
      before.points !== team.points ||
      before.members !== team.members ||
      before.rank !== team.rank
    );
  });
}
