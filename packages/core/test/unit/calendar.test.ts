import { describe, expect, it } from 'vitest';
import {
  civilFromEpochDay,
  epochDayFromCivil,
  isoWeekKey,
  utcDayKey,
  utcMonthKey,
  zeroPad,
} from '../../src/calendar.ts';

const at = (iso: string): number => Date.parse(iso);

describe('calendar', () => {
  it('round-trips civil dates against Date for four centuries of days', () => {
    for (let day = -146_097; day <= 146_097; day += 37) {
      const date = new Date(day * 86_400_000);
      const civil = civilFromEpochDay(day);
      expect([civil.year, civil.month, civil.day]).toEqual([
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
      ]);
      expect(epochDayFromCivil(civil.year, civil.month, civil.day)).toBe(day);
    }
  });

  it('formats UTC day keys at the day boundary', () => {
    expect(utcDayKey(at('2026-11-21T23:59:59.999Z'))).toBe('2026-11-21');
    expect(utcDayKey(at('2026-11-22T00:00:00.000Z'))).toBe('2026-11-22');
  });

  it.each([
    ['2026-11-21T12:00:00Z', '2026-W47'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday: week 1
    ['2021-01-03T23:59:59Z', '2020-W53'], // a Sunday still in the previous ISO year
    ['2021-01-04T00:00:00Z', '2021-W01'],
    ['2024-12-30T00:00:00Z', '2025-W01'], // a Monday already in the next ISO year
    ['2020-12-31T00:00:00Z', '2020-W53'],
    ['2027-01-03T00:00:00Z', '2026-W53'],
  ])('puts %s in ISO week %s', (iso, week) => {
    expect(isoWeekKey(at(iso))).toBe(week);
  });

  it.each([
    ['2026-11-30T23:59:59.999Z', '2026-11'],
    ['2026-12-01T00:00:00.000Z', '2026-12'],
    ['2024-02-29T12:00:00Z', '2024-02'],
    ['2027-01-01T00:00:00Z', '2027-01'],
  ])('puts %s in UTC month %s', (iso, month) => {
    expect(utcMonthKey(at(iso))).toBe(month);
  });

  it('pads numbers without padStart', () => {
    expect(zeroPad(7, 2)).toBe('07');
    expect(zeroPad(2026, 4)).toBe('2026');
    expect(zeroPad(123, 2)).toBe('123');
  });
});
