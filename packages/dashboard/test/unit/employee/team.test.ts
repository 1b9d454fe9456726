import { describe, expect, it } from 'vitest';
import { teamSummary } from '../../../src/employee/model/team.ts';

const entry = (rank: number, teamId: string, points: number, members: number) => ({
  rank,
  teamId,
  points,
  members,
  pointsPerMember: Math.round((points / members) * 100) / 100,
});

describe('teamSummary', () => {
  it("gives the team's place in both orders of the team board", () => {
    const rankings = {
      byPoints: [entry(1, 'red', 300, 4), entry(2, 'blue', 250, 2)],
      byPointsPerMember: [entry(1, 'blue', 250, 2), entry(2, 'red', 300, 4)],
    };
    expect(teamSummary('blue', rankings)).toEqual({
      teamId: 'blue',
      byPoints: '#2 of 2 teams by points',
      byPointsPerMember: '#1 of 2 teams by points per member',
      points: '250 points from 2 members (125 each)',
    });
  });

  it('names the team without places while it is not on the board', () => {
    expect(teamSummary('green', null)).toEqual({
      teamId: 'green',
      byPoints: null,
      byPointsPerMember: null,
      points: null,
    });
  });
});
