import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import {
  dailyPointsAddition,
  dailyPointsKey,
  encodeDailyPoints,
  encodeRateCounter,
  rateCounterIncrement,
  rateCounterKey,
} from '../../../src/items/counters.ts';
import { decodeDailyPoints, decodeRateCounter } from '../../../src/items/decode.ts';
import { without, withAttribute } from './support.ts';

const rate = { userId: 'ada', minute: 29_400_000, count: 3, expiresAt: 1_764_000_240 };
const storedRate = { pk: 'RATE#ada#29400000', kind: 'rateCounter', count: 3, expiresAt: 1_764_000_240 };
const daily = { userId: 'ada', day: '2026-11-20', type: 'yoga', points: 90, expiresAt: 1_764_777_600 };
const storedDaily = {
  pk: 'DAY#ada#2026-11-20#yoga',
  kind: 'dailyPoints',
  points: 90,
  expiresAt: 1_764_777_600,
};

describe('rate counter codec', () => {
  it('writes and reads the stored rate counter', () => {
    expect(encodeRateCounter(rate)).toEqual(storedRate);
    expect(rateCounterKey('ada', 29_400_000)).toEqual({ pk: 'RATE#ada#29400000' });
    expect(decodeRateCounter(storedRate)).toEqual(rate);
  });

  it('counts an activity by the stored names, on condition the limit is not reached', () => {
    const { update, condition } = rateCounterIncrement(1_764_000_240, 30);
    expect(update.names).toEqual({ '#count': 'count', '#kind': 'kind', '#expiresAt': 'expiresAt' });
    expect(update.values).toEqual({ ':activities': 1, ':kind': 'rateCounter', ':expiresAt': 1_764_000_240 });
    expect(condition).toEqual({
      expression: 'attribute_not_exists(#count) OR #count <= :room',
      names: { '#count': 'count' },
      values: { ':room': 29 },
    });
  });

  it('counts several activities at once, on condition the limit holds for all of them', () => {
    const { update, condition } = rateCounterIncrement(1_764_000_240, 30, 7);
    expect(update.values).toMatchObject({ ':activities': 7 });
    expect(condition.values).toEqual({ ':room': 23 });
  });

  it.each<[string, unknown]>([
    ['no count', without(storedRate, 'count')],
    ['a key without a minute', withAttribute(storedRate, 'pk', 'RATE#ada#soon')],
    ['a key of another counter', withAttribute(storedRate, 'pk', 'DAY#ada#29400000')],
    ['no expiry', without(storedRate, 'expiresAt')],
  ])('refuses a rate counter with %s', (_, item) => {
    expect(() => decodeRateCounter(item)).toThrow(MalformedItemError);
  });
});

describe('daily points codec', () => {
  it('writes and reads the stored daily points', () => {
    expect(encodeDailyPoints(daily)).toEqual(storedDaily);
    expect(dailyPointsKey('ada', '2026-11-20', 'yoga')).toEqual({ pk: 'DAY#ada#2026-11-20#yoga' });
    expect(decodeDailyPoints(storedDaily)).toEqual(daily);
  });

  it('adds points by the stored names, on condition the day keeps within its cap', () => {
    const { update, condition } = dailyPointsAddition(30, 1_764_777_600, 120);
    expect(update.names).toEqual({ '#points': 'points', '#kind': 'kind', '#expiresAt': 'expiresAt' });
    expect(update.values).toEqual({ ':points': 30, ':kind': 'dailyPoints', ':expiresAt': 1_764_777_600 });
    expect(condition.values).toEqual({ ':room': 90 });
    expect(condition.names).toEqual({ '#points': 'points' });
  });

  it.each<[string, unknown]>([
    ['no points', without(storedDaily, 'points')],
    ['points as text', withAttribute(storedDaily, 'points', '90')],
    ['a key without its type', withAttribute(storedDaily, 'pk', 'DAY#ada#2026-11-20')],
    ['the rate counter kind', withAttribute(storedDaily, 'kind', 'rateCounter')],
  ])('refuses daily points with %s', (_, item) => {
    expect(() => decodeDailyPoints(item)).toThrow(MalformedItemError);
  });
});
