import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import {
  activityKey,
  decodeActivity,
  encodeActivity,
  type StoredActivity,
} from '../../../src/items/index.ts';
import { decodeReversal } from '../../../src/items/decode.ts';
import { encodeReversal, reversalKey, type StoredReversal } from '../../../src/items/reversal.ts';
import { without, withAttribute } from './support.ts';

const reversal: StoredReversal = {
  userId: 'ada',
  activityKey: 'walk-1',
  reversedBy: 'admin-1',
  reason: 'Logged twice',
  reversedAt: '2026-11-20T09:00:00.000Z',
  processedAt: null,
};

/** Beside the activity it reverses, with no `userId`: it stays out of the user's history index. */
const stored = {
  pk: 'REV#ada#walk-1',
  kind: 'reversal',
  activityKey: 'walk-1',
  reversedBy: 'admin-1',
  reason: 'Logged twice',
  reversedAt: '2026-11-20T09:00:00.000Z',
};

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
  teamId: null,
  occurredAt: '2026-11-20T08:00:00.000Z',
  recordedAt: '2026-11-20T08:05:00.000Z',
  idempotencyKey: 'walk-1',
  processedAt: '2026-11-20T08:05:01.000Z',
};

describe('reversal codec', () => {
  it('writes the attribute names stored reversals have, and reads back what it writes', () => {
    expect(reversalKey('ada', 'walk-1')).toEqual({ pk: 'REV#ada#walk-1' });
    expect(encodeReversal(reversal)).toEqual(stored);
    expect(decodeReversal(stored)).toEqual(reversal);
    const processed = { ...reversal, processedAt: '2026-11-20T09:00:02.000Z' };
    expect(decodeReversal(encodeReversal(processed))).toEqual(processed);
  });

  it('reads an activity key holding the separator, as idempotency keys may not but the codec does', () => {
    const odd = { ...reversal, activityKey: 'client:1.2' };
    expect(decodeReversal(encodeReversal(odd))).toEqual(odd);
  });

  it.each<[string, string, unknown]>([
    ['no admin', 'reversedBy', without(stored, 'reversedBy')],
    ['a key of another activity', 'pk', withAttribute(stored, 'activityKey', 'walk-2')],
    ['a key without a user', 'pk', withAttribute(stored, 'pk', 'REV##walk-1')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'activity')],
  ])('refuses a reversal with %s, naming %s', (_, named, item) => {
    expect(() => decodeReversal(item)).toThrow(MalformedItemError);
    expect(() => decodeReversal(item)).toThrow(named);
  });
});

describe("an activity's operator marks", () => {
  it('keeps whether it counted for its program and who reversed it, and reads them back', () => {
    const marked: StoredActivity = {
      ...activity,
      countedForProgram: false,
      reversal: { at: '2026-11-20T09:00:00.000Z', by: 'admin-1', reason: 'Logged twice' },
    };
    expect(encodeActivity(marked)).toMatchObject({
      pk: activityKey('ada', 'walk-1').pk,
      countedForProgram: false,
      reversedAt: '2026-11-20T09:00:00.000Z',
      reversedBy: 'admin-1',
      reversalReason: 'Logged twice',
    });
    expect(decodeActivity(encodeActivity(marked))).toEqual(marked);
  });

  it('refuses a reversal without its admin, and a count flag that is not true or false', () => {
    const item = encodeActivity({
      ...activity,
      reversal: { at: '2026-11-20T09:00:00.000Z', by: 'a', reason: '' },
    });
    expect(() => decodeActivity(without(item, 'reversedBy'))).toThrow('reversedBy');
    expect(() => decodeActivity(withAttribute(item, 'countedForProgram', 'yes'))).toThrow(
      'countedForProgram',
    );
  });
});
