import { describe, expect, it } from 'vitest';
import { DurationFormatError, parseDuration } from '../../src/duration.ts';

describe('parseDuration', () => {
  it('reads milliseconds, seconds, minutes and hours; a bare number is seconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2s')).toBe(2_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('3')).toBe(3_000);
  });

  it('refuses what is not a positive duration', () => {
    for (const text of ['', 'soon', '0s', '-1s', '2 days', '1d']) {
      expect(() => parseDuration(text), text).toThrow(DurationFormatError);
    }
  });
});
