import { describe, expect, it } from 'vitest';
import { isUtcTimestamp, utcTimestampMs } from '../../../src/items/timestamp.ts';

describe('stored timestamps', () => {
  it.each([
    '2026-11-20T08:00:00.000Z',
    '2026-11-20T08:00:00Z',
    '2026-11-20T08:00:00.5Z',
    '2026-11-20T08:00:00.123456789Z',
    '2028-02-29T23:59:59.999Z',
  ])('accepts %s', (text) => {
    expect(isUtcTimestamp(text)).toBe(true);
  });

  it.each([
    'yesterday',
    '2026-11-20',
    '2026-11-20 08:00:00Z',
    '2026-11-20T08:00:00+01:00',
    '2026-11-20T08:00:00.Z',
    '2026-11-20T08:00:00.1234567890Z',
    '2026-11-20T24:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-11-2xT08:00:00Z',
  ])('refuses %s', (text) => {
    expect(isUtcTimestamp(text)).toBe(false);
  });

  it.each([
    '2026-11-20T08:00:00.000Z',
    '2026-11-20T08:00:00Z',
    '2026-11-20T08:00:00.5Z',
    '2026-11-20T08:00:00.123456789Z',
    '2028-02-29T23:59:59.999Z',
    '1969-12-31T23:59:59.001Z',
  ])('reads %s as Date does, to the millisecond', (text) => {
    expect(utcTimestampMs(text)).toBe(Date.parse(text));
  });

  it('reads anything else as NaN', () => {
    expect(utcTimestampMs('2026-11-20T08:00:00+01:00')).toBeNaN();
  });
});
