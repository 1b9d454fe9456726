import awsCronParser from 'aws-cron-parser';

/**
 * EventBridge Scheduler expressions: `rate(value unit)`, `cron(min hour day-of-month month
 * day-of-week year)` and one-time `at(yyyy-mm-ddThh:mm:ss)`, evaluated in UTC (the
 * schedules here set no time zone).
 */
export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
}

export interface Schedule {
  readonly expression: string;
  /** The first run strictly after `from`, or null when the schedule has no more runs. */
  nextRunAfter(from: Date): Date | null;
}

const rateUnits: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** A fixed period, as `rate(...)` runs: one period after the schedule starts, then every period. */
export function everyInterval(intervalMs: number, startedAt: Date = new Date()): Schedule {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new ScheduleExpressionError(
      `a schedule interval must be a positive number of milliseconds, got ${intervalMs}`,
    );
  }
  const origin = startedAt.getTime();
  return {
    expression: `every ${intervalMs} ms`,
    nextRunAfter(from) {
      const elapsed = Math.max(0, from.getTime() - origin);
      return new Date(origin + (Math.floor(elapsed / intervalMs) + 1) * intervalMs);
    },
  };
}

export function parseScheduleExpression(expression: string, startedAt: Date = new Date()): Schedule {
  const trimmed = expression.trim();
  const rate = /^rate\((.*)\)$/.exec(trimmed);
  if (rate) return parseRate(trimmed, rate[1] ?? '', startedAt);
  const cron = /^cron\((.*)\)$/.exec(trimmed);
  if (cron) return parseCron(trimmed, cron[1] ?? '');
  const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(trimmed);
  if (at) {
    const when = new Date(`${at[1]}Z`);
    if (Number.isNaN(when.getTime())) throw new ScheduleExpressionError(`"${expression}": not a valid date`);
    return { expression: trimmed, nextRunAfter: (from) => (from < when ? when : null) };
  }
  throw new ScheduleExpressionError(
    `"${expression}" is not a schedule expression: use rate(value unit), cron(fields) or at(yyyy-mm-ddThh:mm:ss)`,
  );
}

function parseRate(expression: string, body: string, startedAt: Date): Schedule {
  const match = /^\s*(\d+)\s+([a-z]+)\s*$/.exec(body);
  const unit = match?.[2];
  const period = unit === undefined ? undefined : rateUnits[unit];
  const value = Number(match?.[1]);
  if (!match || period === undefined || !Number.isInteger(value) || value <= 0) {
    throw new ScheduleExpressionError(
      `"${expression}": a rate is a positive whole number and a unit of minute(s), hour(s) or day(s)`,
    );
  }
  if ((value === 1) !== !unit?.endsWith('s')) {
    throw new ScheduleExpressionError(
      `"${expression}": use a singular unit for 1 and a plural one otherwise`,
    );
  }
  return { ...everyInterval(value * period, startedAt), expression };
}

function parseCron(expression: string, body: string): Schedule {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleExpressionError(
      `"${expression}": a cron expression has six fields: minutes hours day-of-month month day-of-week year`,
    );
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new ScheduleExpressionError(
      `"${expression}": exactly one of day-of-month and day-of-week must be "?"`,
    );
  }
  const allowed = /^[0-9A-Za-z*?,\-/#LW]+$/;
  const invalid = fields.find((field) => !allowed.test(field));
  if (invalid !== undefined) throw new ScheduleExpressionError(`"${expression}": invalid field "${invalid}"`);
  let parsed: ReturnType<typeof awsCronParser.parse>;
  try {
    parsed = awsCronParser.parse(fields.join(' '));
    // The parser accepts some malformed fields and only fails when asked for a date.
    awsCronParser.next(parsed, new Date());
  } catch (error) {
    throw new ScheduleExpressionError(`"${expression}": ${(error as Error).message}`);
  }
  return {
    expression,
    nextRunAfter(from) {
      // The parser works at minute precision and may return `from` itself.
      const next = awsCronParser.next(parsed, new Date(from.getTime() + 1));
      if (next && next.getTime() <= from.getTime())
        return awsCronParser.next(parsed, new Date(from.getTime() + 60_000));
      return next;
    },
  };
}
