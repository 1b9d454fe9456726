/**
 * Prints a point in time with a Java `DateTimeFormatter` pattern, as the JVM does in its
 * default `en_US` locale: week fields count from Sunday with one minimal day, optional
 * sections print (a zoned date-time has every field), `X` prints `Z` for a zero offset and
 * `S` prints as many fraction digits as it has letters. Luxon supplies the calendar fields
 * and the English names.
 */
import { DateTime, Info } from 'luxon';
import type { JavaZone } from './java-zone.ts';
import type { PatternToken } from './java-date-pattern.ts';

const locale = { locale: 'en-US' };
export const monthNames = {
  long: Info.months('long', locale),
  short: Info.months('short', locale),
  narrow: Info.months('narrow', locale),
};
/** Monday first, as Luxon's `weekday` (1 = Monday). */
export const weekdayNames = {
  long: Info.weekdays('long', locale),
  short: Info.weekdays('short', locale),
  narrow: Info.weekdays('narrow', locale),
};
export const meridiems = Info.meridiems(locale);
const quarterNames = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];

interface ZonedFields {
  readonly local: DateTime;
  readonly offsetSeconds: number;
  readonly zone: JavaZone;
  readonly epochMilliseconds: number;
}

const pad = (value: number, width: number): string =>
  `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(width, '0')}`;

const text = (
  count: number,
  names: { long: string[]; short: string[]; narrow: string[] },
  index: number,
): string => (count === 4 ? names.long : count === 5 ? names.narrow : names.short)[index] as string;

/** Java's year printing: `yy` keeps two digits; four or more letters add `+` past the width. */
function year(value: number, count: number): string {
  if (count === 2) return pad(((value % 100) + 100) % 100, 2);
  const printed = pad(value, count);
  return count >= 4 && value > 0 && String(value).length > count ? `+${printed}` : printed;
}

/** Week fields of `en_US` (weeks start on Sunday; week 1 holds January 1st / the 1st). */
function usWeek(local: DateTime): { weekYear: number; week: number; weekOfMonth: number } {
  const sunday0 = local.weekday % 7;
  const saturday = local.plus({ days: 6 - sunday0 });
  const firstOfYear = (((sunday0 - (local.ordinal - 1)) % 7) + 7) % 7;
  const firstOfMonth = (((sunday0 - (local.day - 1)) % 7) + 7) % 7;
  const weekOfMonth = Math.floor((local.day - 1 + firstOfMonth) / 7) + 1;
  if (saturday.year > local.year) return { weekYear: local.year + 1, week: 1, weekOfMonth };
  return { weekYear: local.year, week: Math.floor((local.ordinal - 1 + firstOfYear) / 7) + 1, weekOfMonth };
}

/** `+HH`, `+HHMM`, `+HH:MM`, with seconds when `withSeconds` and non-zero. */
function offset(
  seconds: number,
  options: { minutes: 'always' | 'nonzero'; colon: boolean; withSeconds: boolean },
): string {
  const absolute = Math.abs(seconds);
  const hours = Math.floor(absolute / 3600);
  const minutes = Math.floor(absolute / 60) % 60;
  const rest = absolute % 60;
  const separator = options.colon ? ':' : '';
  let printed = `${seconds < 0 ? '-' : '+'}${pad(hours, 2)}`;
  if (options.minutes === 'always' || minutes !== 0 || (options.withSeconds && rest !== 0))
    printed += `${separator}${pad(minutes, 2)}`;
  if (options.withSeconds && rest !== 0) printed += `${separator}${pad(rest, 2)}`;
  return printed;
}

const offsetStyles = [
  { minutes: 'nonzero', colon: false, withSeconds: false },
  { minutes: 'always', colon: false, withSeconds: false },
  { minutes: 'always', colon: true, withSeconds: false },
  { minutes: 'always', colon: false, withSeconds: true },
  { minutes: 'always', colon: true, withSeconds: true },
] as const;

/** `X`/`x`: ISO offsets; `X` prints `Z` for zero. */
const isoOffset = (seconds: number, count: number, zeroAsZ: boolean): string =>
  seconds === 0 && zeroAsZ ? 'Z' : offset(seconds, offsetStyles[count - 1] as (typeof offsetStyles)[number]);

/** `O`/`ZZZZ`: `GMT`, `GMT+8` (short) or `GMT+08:00` (full). */
function localizedOffset(seconds: number, full: boolean): string {
  if (seconds === 0) return 'GMT';
  if (full) return `GMT${offset(seconds, { minutes: 'always', colon: true, withSeconds: true })}`;
  const absolute = Math.abs(seconds);
  const minutes = Math.floor(absolute / 60) % 60;
  const rest = absolute % 60;
  const tail =
    minutes !== 0 || rest !== 0 ? `:${pad(minutes, 2)}${rest !== 0 ? `:${pad(rest, 2)}` : ''}` : '';
  return `GMT${seconds < 0 ? '-' : '+'}${Math.floor(absolute / 3600)}${tail}`;
}

function zoneName(fields: ZonedFields, full: boolean): string {
  if (!fields.zone.region)
    return fields.zone.id === 'UTC' && full ? 'Coordinated Universal Time' : fields.zone.id;
  const zoned = DateTime.fromMillis(fields.epochMilliseconds, { zone: fields.zone.region, locale: 'en-US' });
  return (full ? zoned.offsetNameLong : zoned.offsetNameShort) ?? fields.zone.id;
}

function dateField(letter: string, count: number, local: DateTime): string | undefined {
  const sundayFirst = (local.weekday % 7) + 1;
  switch (letter) {
    case 'G':
      return local.year > 0
        ? count === 4
          ? 'Anno Domini'
          : count === 5
            ? 'A'
            : 'AD'
        : count === 4
          ? 'Before Christ'
          : count === 5
            ? 'B'
            : 'BC';
    case 'u':
      return year(local.year, count);
    case 'y':
      return year(local.year > 0 ? local.year : 1 - local.year, count);
    case 'Y':
      return year(usWeek(local).weekYear, count);
    case 'Q':
    case 'q':
      return count === 3
        ? `Q${local.quarter}`
        : count === 4
          ? (quarterNames[local.quarter - 1] as string)
          : pad(local.quarter, count === 2 ? 2 : 1);
    case 'M':
    case 'L':
      return count <= 2 ? pad(local.month, count) : text(count, monthNames, local.month - 1);
    case 'w':
      return pad(usWeek(local).week, count);
    case 'W':
      return String(usWeek(local).weekOfMonth);
    case 'd':
      return pad(local.day, count);
    case 'D':
      return pad(local.ordinal, count);
    case 'F':
      return String(((local.day - 1) % 7) + 1);
    case 'E':
      return text(Math.max(count, 3), weekdayNames, local.weekday - 1);
    case 'e':
    case 'c':
      return count <= 2 ? pad(sundayFirst, count) : text(count, weekdayNames, local.weekday - 1);
    default:
      return undefined;
  }
}

function timeField(letter: string, count: number, local: DateTime): string | undefined {
  const nanos = local.millisecond * 1_000_000;
  const milliOfDay = ((local.hour * 60 + local.minute) * 60 + local.second) * 1000 + local.millisecond;
  switch (letter) {
    case 'a':
      return meridiems[local.hour < 12 ? 0 : 1] as string;
    case 'h':
      return pad(local.hour % 12 === 0 ? 12 : local.hour % 12, count);
    case 'K':
      return pad(local.hour % 12, count);
    case 'k':
      return pad(local.hour === 0 ? 24 : local.hour, count);
    case 'H':
      return pad(local.hour, count);
    case 'm':
      return pad(local.minute, count);
    case 's':
      return pad(local.second, count);
    case 'S':
      return String(nanos).padStart(9, '0').slice(0, count);
    case 'A':
      return pad(milliOfDay, count);
    case 'n':
      return pad(nanos, count);
    case 'N':
      return pad(milliOfDay * 1_000_000, count);
    default:
      return undefined;
  }
}

function zoneField(letter: string, count: number, fields: ZonedFields): string {
  const seconds = fields.offsetSeconds;
  switch (letter) {
    case 'V':
      return fields.zone.id;
    case 'z':
      return zoneName(fields, count === 4);
    case 'O':
      return localizedOffset(seconds, count === 4);
    case 'X':
      return isoOffset(seconds, count, true);
    case 'x':
      return isoOffset(seconds, count, false);
    default:
      // Z: `+HHMM` for one to three letters, `GMT+08:00` for four, `XXXXX` for five.
      return count <= 3
        ? offset(seconds, offsetStyles[1])
        : count === 4
          ? localizedOffset(seconds, true)
          : isoOffset(seconds, 5, true);
  }
}

function render(tokens: readonly PatternToken[], fields: ZonedFields): string {
  return tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      if (token.kind === 'optional') return render(token.tokens, fields);
      return (
        dateField(token.letter, token.count, fields.local) ??
        timeField(token.letter, token.count, fields.local) ??
        zoneField(token.letter, token.count, fields)
      );
    })
    .join('');
}

export function formatInstant(
  tokens: readonly PatternToken[],
  epochMilliseconds: number,
  zone: JavaZone,
): string {
  const offsetSeconds = zone.offsetSeconds(epochMilliseconds);
  const local = DateTime.fromMillis(epochMilliseconds + offsetSeconds * 1000, { zone: 'utc' });
  return render(tokens, { local, offsetSeconds, zone, epochMilliseconds });
}
