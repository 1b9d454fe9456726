import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { activitiesTable } from '../../../src/tables.ts';
import {
  activityAttributes,
  activityKey,
  encodeActivity,
  parseActivity,
  type StoredActivity,
} from '../../../src/items/activity.ts';
import { decodeActivity } from '../../../src/items/decode.ts';
import { without, withAttribute } from './support.ts';

const activity: StoredActivity = {
  key: 'walk-1',
  id: '01JD3ZQ2Y4M6V8W0X2Z4B6D8F0',
  userId: 'ada',
  displayName: 'Ada Lovelace',
  type: 'steps',
  quantity: 12_345,
  points: 100,
  basePoints: 123,
  programId: 'spring',
  teamId: 'blue-team',
  occurredAt: '2026-11-20T08:00:00.000Z',
  recordedAt: '2026-11-20T08:05:00.000Z',
  idempotencyKey: 'walk-1',
  processedAt: null,
};

/** The item as the Activities table holds it: these names are a contract with stored data. */
const stored = {
  pk: 'ACT#ada#walk-1',
  kind: 'activity',
  id: '01JD3ZQ2Y4M6V8W0X2Z4B6D8F0',
  userId: 'ada',
  displayName: 'Ada Lovelace',
  type: 'steps',
  quantity: 12_345,
  points: 100,
  basePoints: 123,
  programId: 'spring',
  teamId: 'blue-team',
  occurredAt: '2026-11-20T08:00:00.000Z',
  recordedAt: '2026-11-20T08:05:00.000Z',
  idempotencyKey: 'walk-1',
};

describe('activity codec', () => {
  it('writes the attribute names stored activities have', () => {
    expect(encodeActivity(activity)).toEqual(stored);
    expect(activityKey('ada', 'walk-1')).toEqual({ pk: 'ACT#ada#walk-1' });
  });

  it('reads back what it writes, with and without the optional attributes', () => {
    expect(decodeActivity(encodeActivity(activity))).toEqual(activity);
    const bare = { ...activity, key: '01JD3ZQ2Y4', programId: null, teamId: null, idempotencyKey: null };
    expect(encodeActivity(bare)).not.toHaveProperty('programId');
    expect(encodeActivity(bare)).not.toHaveProperty('teamId');
    expect(decodeActivity(encodeActivity(bare))).toEqual(bare);
    const processed = { ...activity, processedAt: '2026-11-20T08:05:01.000Z' };
    expect(decodeActivity(encodeActivity(processed))).toEqual(processed);
  });

  it.each<[string, string, unknown]>([
    ['an item without points', 'points', without(stored, 'points')],
    ['negative points', 'points', withAttribute(stored, 'points', -3)],
    ['fractional points', 'points', withAttribute(stored, 'points', 1.5)],
    ['an item without basePoints', 'basePoints', without(stored, 'basePoints')],
    ['a quantity that is text', 'quantity', withAttribute(stored, 'quantity', '12')],
    ['an empty user id', 'userId', withAttribute(stored, 'userId', '')],
    ['a key of another user', 'pk', withAttribute(stored, 'pk', 'ACT#grace#walk-1')],
    ['a key without the activity part', 'pk', withAttribute(stored, 'pk', 'ACT#ada#')],
    ['a date that is not a timestamp', 'occurredAt', withAttribute(stored, 'occurredAt', 'yesterday')],
    ['an empty program id', 'programId', withAttribute(stored, 'programId', '')],
    ['a team id that is a number', 'teamId', withAttribute(stored, 'teamId', 7)],
    ['another item kind', 'kind', withAttribute(stored, 'kind', 'rateCounter')],
    ['something that is not an item', 'attribute map', ['activity']],
  ])('refuses %s, naming %s', (_, named, item) => {
    const parsed = parseActivity(item);
    expect(parsed.ok).toBe(false);
    expect(() => decodeActivity(item)).toThrow(MalformedItemError);
    expect(() => decodeActivity(item)).toThrow(named);
  });
});

describe('the byUser index projection', () => {
  const projected: readonly string[] = activitiesTable.globalIndexes.byUser.projection;
  const indexKeys: string[] = [
    activitiesTable.primaryIndex.hashKey,
    activitiesTable.globalIndexes.byUser.hashKey,
    activitiesTable.globalIndexes.byUser.rangeKey,
  ];
  const workerOnly: string[] = [activityAttributes.processedAt, activityAttributes.countedForProgram];

  it('carries every activity attribute but the keys and what the worker sets', () => {
    const expected = Object.values(activityAttributes).filter(
      (name) => !indexKeys.includes(name) && !workerOnly.includes(name),
    );
    expect([...projected].sort()).toEqual([...expected].sort());
  });

  it('lets a history page decode a reversed activity as the table holds it, without the worker marks', () => {
    const reversed: StoredActivity = {
      ...activity,
      processedAt: '2026-11-20T08:05:02.000Z',
      countedForProgram: true,
      reversal: { at: '2026-11-21T10:00:00.000Z', by: 'admin-1', reason: 'duplicate entry' },
    };
    const item = encodeActivity(reversed);
    const asIndexed = Object.fromEntries(
      Object.entries(item).filter(([name]) => indexKeys.includes(name) || projected.includes(name)),
    );
    expect(decodeActivity(asIndexed)).toEqual({
      ...reversed,
      processedAt: null,
      countedForProgram: undefined,
    });
  });
});
