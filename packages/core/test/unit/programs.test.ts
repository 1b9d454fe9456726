import { describe, expect, it } from 'vitest';
import { serviceConfig } from '../../src/config.ts';
import type { StoredProgress } from '../../src/items/progress.ts';
import {
  activityCountsFor,
  programStatus,
  progressAfter,
  progressView,
  validateProgramInput,
} from '../../src/programs.ts';

const at = (iso: string): number => Date.parse(iso);

const input = {
  id: 'spring',
  name: 'Spring Steps',
  description: 'Walk more.',
  startsAt: '2026-03-01T00:00:00Z',
  endsAt: '2026-06-01T00:00:00Z',
  activityTypes: ['steps', 'running'],
  pointsGoal: 500,
};
const dates = { startsAtMs: at(input.startsAt), endsAtMs: at(input.endsAt) };

describe('program input', () => {
  it('becomes a program definition', () => {
    expect(validateProgramInput(input, dates, serviceConfig)).toEqual({
      ok: true,
      value: {
        id: 'spring',
        name: 'Spring Steps',
        description: 'Walk more.',
        startsAtMs: dates.startsAtMs,
        endsAtMs: dates.endsAtMs,
        activityTypes: ['steps', 'running'],
        pointsGoal: 500,
      },
    });
  });

  it('leaves out what is optional', () => {
    const { description: _description, pointsGoal: _goal, ...required } = input;
    expect(validateProgramInput(required, dates, serviceConfig)).toMatchObject({
      ok: true,
      value: { description: '', pointsGoal: null },
    });
  });

  it.each<[string, Record<string, unknown>, Partial<typeof dates>, string]>([
    ['an id with a separator', { id: 'a#b' }, {}, 'id'],
    ['a blank name', { name: '   ' }, {}, 'name'],
    ['an overlong name', { name: 'n'.repeat(serviceConfig.maxProgramNameLength + 1) }, {}, 'name'],
    [
      'an overlong description',
      { description: 'd'.repeat(serviceConfig.maxProgramDescriptionLength + 1) },
      {},
      'description',
    ],
    ['an end before the start', {}, { endsAtMs: dates.startsAtMs - 1 }, 'endsAt'],
    ['an end equal to the start', {}, { endsAtMs: dates.startsAtMs }, 'endsAt'],
    ['an unreadable start', {}, { startsAtMs: NaN }, 'startsAt'],
    ['no activity types', { activityTypes: [] }, {}, 'activityTypes'],
    ['an unknown activity type', { activityTypes: ['teleporting'] }, {}, 'activityTypes'],
    ['a type twice', { activityTypes: ['steps', 'steps'] }, {}, 'activityTypes'],
    ['a goal of 0', { pointsGoal: 0 }, {}, 'pointsGoal'],
    ['a fractional goal', { pointsGoal: 2.5 }, {}, 'pointsGoal'],
    ['an unknown field', { owner: 'ada' }, {}, 'owner'],
  ])('refuses %s', (_, change, dateChange, field) => {
    const outcome = validateProgramInput({ ...input, ...change }, { ...dates, ...dateChange }, serviceConfig);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ errorType: 'ValidationError', field });
  });
});

const program = {
  id: 'spring',
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-06-01T00:00:00.000Z',
  activityTypes: ['steps', 'running'],
};

describe('program status and what counts', () => {
  it('is upcoming before its start, active from its start, ended from its end', () => {
    expect(programStatus(program, at('2026-02-28T23:59:59.999Z'))).toBe('UPCOMING');
    expect(programStatus(program, at('2026-03-01T00:00:00.000Z'))).toBe('ACTIVE');
    expect(programStatus(program, at('2026-05-31T23:59:59.999Z'))).toBe('ACTIVE');
    expect(programStatus(program, at('2026-06-01T00:00:00.000Z'))).toBe('ENDED');
  });

  it('counts an activity of a counted type that occurred within the dates', () => {
    expect(activityCountsFor(program, { type: 'steps', occurredAtMs: at('2026-03-01T00:00:00Z') })).toEqual({
      ok: true,
      value: true,
    });
  });

  it.each<[string, string, string, string]>([
    ['before the start', 'steps', '2026-02-28T23:59:59.999Z', 'programId'],
    ['at the end', 'steps', '2026-06-01T00:00:00Z', 'programId'],
    ['of a type the program does not count', 'yoga', '2026-04-01T00:00:00Z', 'type'],
  ])('does not count an activity %s', (_, type, occurredAt, field) => {
    const outcome = activityCountsFor(program, { type, occurredAtMs: at(occurredAt) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ errorType: 'ValidationError', field });
  });
});

describe('progress', () => {
  const activity = (points: number, recordedAt: string) => ({
    userId: 'ada',
    programId: 'spring',
    points,
    recordedAt,
  });
  const now = '2026-04-01T12:00:00.000Z';
  const apply = (goal: number | null, steps: Array<[number, string]>, start: StoredProgress | null = null) =>
    steps.reduce<StoredProgress | null>(
      (before, [points, recordedAt]) => progressAfter(before, activity(points, recordedAt), goal, now),
      start,
    );

  it('adds points and activities and completes when the points reach the goal', () => {
    const progress = apply(100, [
      [60, '2026-04-01T08:00:00.000Z'],
      [40, '2026-04-01T09:00:00.000Z'],
      [10, '2026-04-01T10:00:00.000Z'],
    ]);
    expect(progress).toEqual({
      userId: 'ada',
      programId: 'spring',
      points: 110,
      activities: 3,
      lastRecordedAt: '2026-04-01T10:00:00.000Z',
      completedAt: '2026-04-01T09:00:00.000Z',
      completedGoal: 100,
      updatedAt: now,
    });
    expect(progressView(progress, 100)).toEqual({
      points: 110,
      activities: 3,
      goal: 100,
      percent: 100,
      completedAt: '2026-04-01T09:00:00.000Z',
    });
  });

  it('completes at a time by which enough was recorded, whatever the order applied', () => {
    // The 40-point activity recorded at 09:00 arrives last: the goal was reached by then.
    const progress = apply(100, [
      [10, '2026-04-01T10:00:00.000Z'],
      [60, '2026-04-01T08:00:00.000Z'],
      [40, '2026-04-01T09:00:00.000Z'],
    ]);
    expect(progress?.completedAt).toBe('2026-04-01T10:00:00.000Z');
  });

  it('shows no percent or completion without a goal, and a floor percent below it', () => {
    expect(progressView(apply(null, [[30, '2026-04-01T08:00:00.000Z']]), null)).toMatchObject({
      goal: null,
      percent: null,
      completedAt: null,
    });
    expect(progressView(apply(300, [[200, '2026-04-01T08:00:00.000Z']]), 300)).toMatchObject({
      percent: 66,
      completedAt: null,
    });
    expect(progressView(null, 300)).toEqual({
      points: 0,
      activities: 0,
      goal: 300,
      percent: 0,
      completedAt: null,
    });
  });

  it('completes again under a raised goal, not under the old completion', () => {
    const done = apply(100, [[120, '2026-04-01T08:00:00.000Z']]);
    expect(progressView(done, 200).completedAt).toBeNull();
    const again = apply(200, [[100, '2026-04-02T08:00:00.000Z']], done);
    expect(again).toMatchObject({ points: 220, completedGoal: 200, completedAt: '2026-04-02T08:00:00.000Z' });
    expect(progressView(again, 200).completedAt).toBe('2026-04-02T08:00:00.000Z');
  });
});
