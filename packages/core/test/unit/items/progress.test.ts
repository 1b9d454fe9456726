import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeProgress } from '../../../src/items/decode.ts';
import { encodeProgress, progressKey, type StoredProgress } from '../../../src/items/progress.ts';
import { without, withAttribute } from './support.ts';

const progress: StoredProgress = {
  userId: 'ada',
  programId: 'spring',
  points: 240,
  activities: 5,
  lastRecordedAt: '2026-11-20T08:05:00.000Z',
  completedAt: '2026-11-20T08:05:00.000Z',
  completedGoal: 200,
  updatedAt: '2026-11-20T08:05:02.000Z',
};

const stored = {
  pk: 'USER#ada',
  sk: 'PROGRESS#spring',
  kind: 'progress',
  programId: 'spring',
  userId: 'ada',
  points: 240,
  activities: 5,
  lastRecordedAt: '2026-11-20T08:05:00.000Z',
  completedAt: '2026-11-20T08:05:00.000Z',
  completedGoal: 200,
  updatedAt: '2026-11-20T08:05:02.000Z',
};

/** Progress as the worker kept it before it recorded the latest activity and the goal's completion. */
const storedBeforeCompletion = without(
  without(without(stored, 'lastRecordedAt'), 'completedAt'),
  'completedGoal',
);

describe('progress codec', () => {
  it('writes the attribute names stored progress has, and reads them back', () => {
    expect(encodeProgress(progress)).toEqual(stored);
    expect(progressKey('ada', 'spring')).toEqual({ pk: 'USER#ada', sk: 'PROGRESS#spring' });
    expect(decodeProgress(stored)).toEqual(progress);
  });

  it('reads progress stored before completion was kept, and writes such progress the same way', () => {
    const earlier = { ...progress, lastRecordedAt: null, completedAt: null, completedGoal: null };
    expect(decodeProgress(storedBeforeCompletion)).toEqual(earlier);
    expect(encodeProgress(earlier)).toEqual(storedBeforeCompletion);
  });

  it.each<[string, string, unknown]>([
    ['no points', 'points', without(stored, 'points')],
    ['no activities', 'activities', withAttribute(stored, 'activities', 0)],
    ['a program other than its key', 'sk', withAttribute(stored, 'programId', 'summer')],
    ['no updatedAt', 'updatedAt', without(stored, 'updatedAt')],
    ['a completedAt that is not a timestamp', 'completedAt', withAttribute(stored, 'completedAt', 'soon')],
    ['a completed goal of 0', 'completedGoal', withAttribute(stored, 'completedGoal', 0)],
  ])('refuses progress with %s (%s)', (_, attribute, item) => {
    expect(() => decodeProgress(item)).toThrow(MalformedItemError);
    expect(() => decodeProgress(item)).toThrow(attribute);
  });
});
