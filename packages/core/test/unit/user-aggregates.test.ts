import { describe, expect, it } from 'vitest';
import type { StoredActivity } from '../../src/items/activity.ts';
import type { StoredProgram } from '../../src/items/program.ts';
import { aggregatesFromHistory, countsForProgram, countsOnBoards } from '../../src/user-aggregates.ts';

const updatedAt = '2026-12-01T00:00:00.000Z';

const spring: StoredProgram = {
  id: 'spring',
  name: 'Spring',
  description: '',
  startsAt: '2026-11-01T00:00:00.000Z',
  endsAt: '2026-12-01T00:00:00.000Z',
  activityTypes: ['running', 'steps'],
  pointsGoal: 100,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  updatedBy: 'admin',
};
const programs = new Map([[spring.id, spring]]);

let sequence = 0;
function activity(
  fields: Partial<StoredActivity> & Pick<StoredActivity, 'points' | 'recordedAt'>,
): StoredActivity {
  sequence += 1;
  return {
    key: `k${sequence}`,
    id: `a${sequence}`,
    userId: 'ada',
    displayName: 'Ada',
    type: 'running',
    quantity: 1,
    basePoints: fields.points,
    programId: 'spring',
    teamId: 'blue',
    occurredAt: '2026-11-20T08:00:00.000Z',
    idempotencyKey: null,
    processedAt: fields.recordedAt,
    countedForProgram: true,
    ...fields,
  };
}

describe("a user's aggregates from their history", () => {
  it('counts what the worker applied and no admin reversed, with points', () => {
    const applied = activity({ points: 10, recordedAt: '2026-11-20T08:00:00.000Z' });
    expect(countsOnBoards(applied)).toBe(true);
    expect(countsOnBoards({ ...applied, processedAt: null })).toBe(false);
    expect(countsOnBoards({ ...applied, points: 0 })).toBe(false);
    expect(countsOnBoards({ ...applied, reversal: { at: updatedAt, by: 'admin', reason: 'x' } })).toBe(false);
  });

  it("counts for the program as the worker decided, and by the program's rules when it did not say", () => {
    const decided = activity({
      points: 10,
      recordedAt: '2026-11-20T08:00:00.000Z',
      countedForProgram: false,
    });
    expect(countsForProgram(decided, programs)).toBe(false);
    const { countedForProgram: _, ...undecided } = decided;
    expect(countsForProgram(undecided, programs)).toBe(true);
    expect(countsForProgram({ ...undecided, type: 'yoga' }, programs)).toBe(false);
    expect(countsForProgram({ ...undecided, programId: 'autumn' }, programs)).toBe(false);
  });

  it('sums totals per board with each team share, reached when the last one was recorded', () => {
    const history = [
      activity({ points: 30, recordedAt: '2026-11-20T09:00:00.000Z', teamId: 'red', displayName: 'Ada L.' }),
      activity({ points: 50, recordedAt: '2026-11-20T08:00:00.000Z' }),
      activity({ points: 99, recordedAt: '2026-11-20T10:00:00.000Z', processedAt: null }),
      activity({
        points: 5,
        recordedAt: '2026-11-20T07:00:00.000Z',
        programId: null,
        countedForProgram: false,
      }),
    ];
    const { totals } = aggregatesFromHistory(history, programs, updatedAt);
    expect([...totals.keys()].sort()).toEqual(['global', 'month:2026-11', 'program:spring', 'week:2026-W47']);
    expect(totals.get('global')).toEqual({
      userId: 'ada',
      boardId: 'global',
      displayName: 'Ada L.',
      score: 85,
      reachedAt: '2026-11-20T09:00:00.000Z',
      updatedAt,
      teamIds: ['blue', 'red'],
      teamPoints: { blue: 55, red: 30 },
    });
    expect(totals.get('program:spring')).toMatchObject({ score: 80, teamPoints: { blue: 50, red: 30 } });
  });

  it('reaches the goal with the activity that crosses it, in recorded order', () => {
    const history = [
      activity({ points: 70, recordedAt: '2026-11-20T08:00:00.000Z' }),
      activity({ points: 20, recordedAt: '2026-11-20T10:00:00.000Z' }),
      activity({ points: 40, recordedAt: '2026-11-20T09:00:00.000Z' }),
    ];
    expect(aggregatesFromHistory(history, programs, updatedAt).progress.get('spring')).toEqual({
      userId: 'ada',
      programId: 'spring',
      points: 130,
      activities: 3,
      lastRecordedAt: '2026-11-20T10:00:00.000Z',
      completedAt: '2026-11-20T09:00:00.000Z',
      completedGoal: 100,
      updatedAt,
    });
  });

  it('leaves a user whose every activity was reversed with nothing', () => {
    const reversal = { at: updatedAt, by: 'admin', reason: 'x' };
    const history = [activity({ points: 10, recordedAt: '2026-11-20T08:00:00.000Z', reversal })];
    const aggregates = aggregatesFromHistory(history, programs, updatedAt);
    expect(aggregates.totals.size + aggregates.progress.size).toBe(0);
  });
});
