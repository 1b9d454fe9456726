import { describe, expect, it } from 'vitest';
import { standingSummary } from '../../../src/employee/model/standing.ts';

describe('standingSummary', () => {
  it('places the caller between the people just above and below', () => {
    const summary = standingSummary(
      {
        userId: 'dana',
        score: 100,
        rank: 2,
        exact: true,
        rankedUsers: null,
        above: [{ rank: 1, userId: 'alice', displayName: 'Alice', score: 120 }],
        below: [
          { rank: 3, userId: 'bob', displayName: null, score: 90 },
          { rank: 4, userId: 'carol', displayName: 'Carol', score: 40 },
        ],
      },
      'Dana',
    );
    expect(summary).toMatchObject({ rank: '#2', context: '', score: '100 points', estimate: false });
    expect(summary.rows.map((row) => [row.rank, row.name, row.own])).toEqual([
      [1, 'Alice', false],
      [2, 'Dana', true],
      [3, 'bob', false],
      [4, 'Carol', false],
    ]);
  });

  it('says when a rank counted on the live totals is an estimate, and among how many', () => {
    expect(
      standingSummary({ userId: 'u', score: 7, rank: 1234, exact: false, rankedUsers: 20_000 }, 'U'),
    ).toMatchObject({ rank: 'about #1,234', context: 'of 20,000 people', estimate: true });
  });

  it('says the caller is left out of a board an admin disqualified them from, keeping their points', () => {
    expect(
      standingSummary({ userId: 'u', score: 300, rank: null, disqualified: true, exact: true }, 'U'),
    ).toEqual({
      rank: '–',
      context: 'Not ranked on this board: an admin has left you out of it',
      score: '300 points',
      estimate: false,
      rows: [],
    });
  });

  it('has no rank and no neighbours before the first points', () => {
    const empty = {
      rank: '–',
      context: 'No points on this board yet',
      score: '0 points',
      estimate: false,
      rows: [],
    };
    expect(standingSummary(null, 'U')).toEqual(empty);
    expect(standingSummary({ userId: 'u', score: 0, rank: null, exact: true }, 'U')).toEqual(empty);
  });
});
