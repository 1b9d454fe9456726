import { describe, expect, it } from 'vitest';
import {
  byPoints,
  byPointsPerMember,
  pointsPerMember,
  rankTeams,
  teamRankingChanged,
  type TeamTotal,
} from '../../src/team-ranking.ts';

const big: TeamTotal = { teamId: 'big', points: 900, members: 9 };
const small: TeamTotal = { teamId: 'small', points: 300, members: 2 };
const tiedSmall: TeamTotal = { teamId: 'also-small', points: 150, members: 1 };

describe('team ranking', () => {
  it('ranks by points, and by points per member where a small team can win', () => {
    expect(rankTeams([small, big], byPoints, [], 10).map((team) => team.teamId)).toEqual(['big', 'small']);
    expect(rankTeams([big, small], byPointsPerMember, [], 10).map((team) => team.teamId)).toEqual([
      'small',
      'big',
    ]);
  });

  it('breaks ratio ties by points, then team id', () => {
    const ordered = rankTeams([tiedSmall, small], byPointsPerMember, [], 10);
    expect(ordered.map((team) => [team.teamId, team.rank])).toEqual([
      ['small', 1],
      ['also-small', 2],
    ]);
    const samePoints = { ...big, teamId: 'aaa' };
    expect(rankTeams([big, samePoints], byPoints, [], 10).map((team) => team.teamId)).toEqual(['aaa', 'big']);
  });

  it('keeps the first teams, each with its previous rank in the same order', () => {
    const previous = rankTeams([big, small], byPoints, [], 10);
    const next = rankTeams([big, { ...small, points: 1000 }, tiedSmall], byPoints, previous, 2);
    expect(next).toEqual([
      { teamId: 'small', points: 1000, members: 2, rank: 1, previousRank: 2 },
      { teamId: 'big', points: 900, members: 9, rank: 2, previousRank: 1 },
    ]);
    expect(teamRankingChanged(previous, next)).toBe(true);
    expect(
      teamRankingChanged(
        next,
        next.map((team) => ({ ...team, previousRank: null })),
      ),
    ).toBe(false);
    expect(teamRankingChanged(previous, rankTeams([big, { ...small, members: 3 }], byPoints, [], 10))).toBe(
      true,
    );
  });

  it('gives points per member to two decimals', () => {
    expect(pointsPerMember({ teamId: 't', points: 1000, members: 3 })).toBe(333.33);
    expect(pointsPerMember({ teamId: 't', points: 0, members: 0 })).toBe(0);
  });
});
