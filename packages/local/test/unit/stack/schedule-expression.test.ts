import { rebuildSchedule } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import {
  ScheduleExpressionError,
  everyInterval,
  parseScheduleExpression,
} from '../../../src/emulators/schedule-expression.ts';

const at = (iso: string): Date => new Date(iso);

describe('parseScheduleExpression', () => {
  it('runs the rebuild schedule from the shared definitions once a minute after it starts', () => {
    const schedule = parseScheduleExpression(rebuildSchedule.expression, at('2026-01-01T10:00:00Z'));
    expect(schedule.nextRunAfter(at('2026-01-01T10:00:00Z'))).toEqual(at('2026-01-01T10:01:00Z'));
    expect(schedule.nextRunAfter(at('2026-01-01T10:01:00Z'))).toEqual(at('2026-01-01T10:02:00Z'));
    expect(schedule.nextRunAfter(at('2026-01-01T10:01:30Z'))).toEqual(at('2026-01-01T10:02:00Z'));
  });

  it('reads rates in hours and days', () => {
    const start = at('2026-01-01T00:00:00Z');
    expect(parseScheduleExpression('rate(2 hours)', start).nextRunAfter(start)).toEqual(
      at('2026-01-01T02:00:00Z'),
    );
    expect(parseScheduleExpression('rate(1 day)', start).nextRunAfter(start)).toEqual(
      at('2026-01-02T00:00:00Z'),
    );
  });

  it('refuses malformed rates', () => {
    for (const expression of [
      'rate(0 minutes)',
      'rate(1 minutes)',
      'rate(5 minute)',
      'rate(5 seconds)',
      'rate(x minutes)',
    ]) {
      expect(() => parseScheduleExpression(expression), expression).toThrow(ScheduleExpressionError);
    }
  });

  it('evaluates cron expressions in UTC, with steps, ranges, names and L', () => {
    const quarter = parseScheduleExpression('cron(0/15 * * * ? *)');
    expect(quarter.nextRunAfter(at('2026-01-01T10:07:30Z'))).toEqual(at('2026-01-01T10:15:00Z'));
    expect(quarter.nextRunAfter(at('2026-01-01T10:15:00Z'))).toEqual(at('2026-01-01T10:30:00Z'));
    const weekdays = parseScheduleExpression('cron(0 12 ? * MON-FRI *)');
    // 2026-11-21 is a Saturday.
    expect(weekdays.nextRunAfter(at('2026-11-21T10:00:00Z'))).toEqual(at('2026-11-23T12:00:00Z'));
    const lastDay = parseScheduleExpression('cron(0 12 L * ? 2027)');
    expect(lastDay.nextRunAfter(at('2026-11-21T10:00:00Z'))).toEqual(at('2027-01-31T12:00:00Z'));
  });

  it('refuses malformed cron expressions with a clear error', () => {
    expect(() => parseScheduleExpression('cron(* * * * *)')).toThrow(/six fields/);
    expect(() => parseScheduleExpression('cron(0 12 * * * *)')).toThrow(/exactly one of day-of-month/);
    expect(() => parseScheduleExpression('cron(99 * * * ? *)')).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression('cron(abc def ? * * *)')).toThrow(ScheduleExpressionError);
  });

  it('runs a one-time schedule once', () => {
    const once = parseScheduleExpression('at(2026-05-01T08:30:00)');
    expect(once.nextRunAfter(at('2026-04-01T00:00:00Z'))).toEqual(at('2026-05-01T08:30:00Z'));
    expect(once.nextRunAfter(at('2026-05-01T08:30:00Z'))).toBeNull();
  });

  it('names what it accepts when given something else', () => {
    expect(() => parseScheduleExpression('every 5 minutes')).toThrow(/rate\(value unit\)/);
  });
});

describe('everyInterval', () => {
  it('keeps a fixed cadence from its start, whatever the time asked from', () => {
    const schedule = everyInterval(2_000, at('2026-01-01T00:00:00Z'));
    expect(schedule.nextRunAfter(at('2026-01-01T00:00:00Z'))).toEqual(at('2026-01-01T00:00:02Z'));
    expect(schedule.nextRunAfter(at('2026-01-01T00:00:03.500Z'))).toEqual(at('2026-01-01T00:00:04Z'));
  });

  it('refuses a non-positive interval', () => {
    expect(() => everyInterval(0)).toThrow(ScheduleExpressionError);
  });
});
