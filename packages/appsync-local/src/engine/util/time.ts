/**
 * `util.time.*`. "The syntax for datetime formats is based on DateTimeFormatter" (Time helpers
 * in util.time): patterns are Java `DateTimeFormatter` patterns (`java-date-pattern.ts`) and
 * zones are what Java's `ZoneId.of` takes, fixed offsets such as `+08:00` included
 * (`java-zone.ts`); Luxon does the calendar and IANA zone work.
 */
import { DateTime } from 'luxon';
import { formatInstant } from './java-date-format.ts';
import { parseInstant } from './java-date-parse.ts';
import { tokenize } from './java-date-pattern.ts';
import { javaZone } from './java-zone.ts';

/** An argument `util.time` cannot use (not a number of milliseconds, not ISO 8601 text). */
export class TimeArgumentError extends TypeError {
  override readonly name = 'TimeArgumentError';
}

export const nowISO8601 = (): string => new Date().toISOString();

export const nowEpochSeconds = (): number => Math.floor(Date.now() / 1000);

export const nowEpochMilliSeconds = (): number => Date.now();

export function nowFormatted(format: unknown, zone?: unknown): string {
  return epochMilliSecondsToFormatted(Date.now(), format, zone);
}

function epochMilliseconds(value: unknown): number {
  const milliseconds = Number(value);
  if (!Number.isFinite(milliseconds)) throw new TimeArgumentError(`not epoch milliseconds: ${String(value)}`);
  return Math.trunc(milliseconds);
}

export function epochMilliSecondsToFormatted(milliseconds: unknown, format: unknown, zone?: unknown): string {
  return formatInstant(tokenize(String(format)), epochMilliseconds(milliseconds), javaZone(zone));
}

/**
 * "Parses a timestamp passed as a String along with a format containing a time zone" (two
 * arguments) or "along with a format and time zone" (three).
 */
export function parseFormattedToEpochMilliSeconds(
  timestamp: unknown,
  format: unknown,
  zone?: unknown,
): number {
  const pattern = String(format);
  const given = zone === undefined || zone === null ? undefined : javaZone(zone);
  return parseInstant(String(timestamp), tokenize(pattern), pattern, given);
}

export function parseISO8601ToEpochMilliSeconds(timestamp: unknown): number {
  const time = DateTime.fromISO(String(timestamp), { zone: 'UTC', setZone: true });
  if (!time.isValid) throw new TimeArgumentError(`not an ISO 8601 timestamp: "${String(timestamp)}"`);
  return time.toMillis();
}

export const epochMilliSecondsToSeconds = (milliseconds: unknown): number =>
  Math.floor(epochMilliseconds(milliseconds) / 1000);

export const epochMilliSecondsToISO8601 = (milliseconds: unknown): string =>
  new Date(epochMilliseconds(milliseconds)).toISOString();
