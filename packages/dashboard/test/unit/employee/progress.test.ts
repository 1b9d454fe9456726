import { describe, expect, it } from 'vitest';
import { progressLine, progressLines } from '../../../src/employee/model/progress.ts';

const program = (id: string, status = 'ACTIVE') => ({
  id,
  name: `Program ${id}`,
  endsAt: '2026-12-01T00:00:00Z',
  status,
});

describe('progressLine', () => {
  it('draws a bar toward the goal with the percentage the API computed', () => {
    expect(
      progressLine({ program: program('a'), points: 120, activities: 3, goal: 200, percent: 60 }),
    ).toEqual({
      programId: 'a',
      name: 'Program a',
      points: '120 of 200 points',
      share: 0.6,
      percent: 60,
      detail: '60% of the goal · 3 activities',
      complete: false,
      ended: false,
    });
  });

  it('fills the bar and says so once the goal is reached, never past it', () => {
    const line = progressLine({
      program: program('a'),
      points: 2500,
      activities: 1,
      goal: 2000,
      percent: 100,
      completedAt: '2026-11-20T10:00:00Z',
    });
    expect(line).toMatchObject({
      share: 1,
      complete: true,
      detail: 'Goal reached · 1 activity',
      points: '2,500 of 2,000 points',
    });
  });

  it('shows points without a bar for a program without a goal', () => {
    expect(
      progressLine({ program: program('a'), points: 1, activities: 1, goal: null, percent: null }),
    ).toMatchObject({
      points: '1 point',
      share: null,
      percent: null,
      detail: '1 activity',
    });
  });

  it('lists running programs before ended ones', () => {
    const lines = progressLines([
      { program: program('old', 'ENDED'), points: 5, activities: 1 },
      { program: program('now'), points: 0, activities: 0 },
    ]);
    expect(lines.map((line) => [line.programId, line.ended])).toEqual([
      ['now', false],
      ['old', true],
    ]);
  });
});
