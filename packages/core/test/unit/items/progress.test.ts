import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeProgress } from '../../../src/items/decode.ts';
import { encodeProgress, progressIncrement, progressKey } from '../../../src/items/progress.ts';
import { without, withAttribute } from './support.ts';

const progress = {
  userId: 'ada',
  programId: 'spring',
  points: 240,
  activities: 5,
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
  updatedAt: '2026-11-20T08:05:02.000Z',
};

describe('progress codec', () => {
  it('writes the attribute names stored progress has, and reads them back', () => {
    expect(encodeProgress(progress)).toEqual(stored);
    expect(progressKey('ada', 'spring')).toEqual({ pk: 'USER#ada', sk: 'PROGRESS#spring' });
    expect(decodeProgress(stored)).toEqual(progress);
  });

  it('adds an activity by the stored names', () => {
    const increment = progressIncrement({
      userId: 'ada',
      programId: 'spring',
      points: 12,
      updatedAt: '2026-11-20T08:05:02.000Z',
    });
    expect(Object.values(increment.names).sort()).toEqual(
      ['activities', 'kind', 'points', 'programId', 'updatedAt', 'userId'].sort(),
    );
    expect(increment.expression).toContain('ADD #points :points, #activities :one');
    expect(increment.values).toMatchObject({ ':kind': 'progress', ':points': 12, ':one': 1 });
  });

  it.each<[string, unknown]>([
    ['no points', without(stored, 'points')],
    ['no activities', withAttribute(stored, 'activities', 0)],
    ['a program other than its key', withAttribute(stored, 'programId', 'summer')],
    ['no updatedAt', without(stored, 'updatedAt')],
  ])('refuses progress with %s', (_, item) => {
    expect(() => decodeProgress(item)).toThrow(MalformedItemError);
  });
});
