/**
 * `util.time.*`. AppSync formats with Java `DateTimeFormatter` patterns and IANA zone ids; the
 * patterns are translated to Luxon's near-identical tokens, and Luxon does the calendar work.
 */
import { DateTime } from 'luxon';

export const nowISO8601 = (): string => new Date().toISOString();

export const nowEpochSeconds = (): number => Math.floor(Date.now() / 1000);

export const nowEpochMilliSeconds = (): number => Date.now();

export function nowFormatted(format: unknown, zone?: unknown): string {
  return epochMilliSecondsToFormatted(Date.now(), format, zone);
}

export function epochMilliSecondsToFormatted(milliseconds: unknown, format: unknown, zone?: unknown): string {
  const time = DateTime.fromMillis(Number(milliseconds), { zone: zoneName(zone) });
  if (!time.isValid) throw new TypeError(`invalid time zone: ${String(zone)}`);
  return time.toFormat(toLuxonFormat(String(format)));
}

export function parseFormattedToEpochMilliSeconds(
  timestamp: unknown,
  format: unknown,
  zone?: unknown,
): number {
  const time = DateTime.fromFormat(String(timestamp), toLuxonFormat(String(format)), {
    zone: zoneName(zone),
    setZone: true,
  });
  if (!time.isValid) throw new TypeError(`cannot parse "${String(timestamp)}" with "${String(format)}"`);
  return time.toMillis();
}

export function parseISO8601ToEpochMilliSeconds(timestamp: unknown): number {
  const time = DateTime.fromISO(String(timestamp), { zone: 'UTC', setZone: true });
  if (!time.isValid) throw new TypeError(`not an ISO 8601 timestamp: "${String(timestamp)}"`);
  return time.toMillis();
}

export const epochMilliSecondsToSeconds = (milliseconds: unknown): number =>
  Math.floor(Number(milliseconds) / 1000);

export const epochMilliSecondsToISO8601 = (milliseconds: unknown): string =>
  new Date(Number(milliseconds)).toISOString();

const zoneName = (zone: unknown): string => (typeof zone === 'string' && zone !== '' ? zone : 'UTC');

/** Java pattern letters whose Luxon token differs; same-letter runs map by length. */
function luxonToken(letter: string, length: number): string {
  switch (letter) {
    case 'y':
    case 'u':
      return length === 2 ? 'yy' : 'yyyy';
    case 'S':
      return 'SSS';
    // Week-based year and week of year, read as ISO weeks (Monday first, as java.time's ISO fields).
    case 'Y':
      return length === 2 ? 'kk' : 'kkkk';
    case 'w':
      return length >= 2 ? 'WW' : 'W';
    case 'E':
      return length >= 4 ? 'EEEE' : 'EEE';
    case 'Z':
      return length >= 5 ? 'ZZ' : 'ZZZ';
    case 'X':
    case 'x':
      return length === 1 || length === 2 || length === 4 ? 'ZZZ' : 'ZZ';
    case 'z':
      return 'ZZZZ';
    case 'D':
      return length >= 3 ? 'ooo' : 'o';
    case 'a':
      return 'a';
    case 'M':
    case 'd':
    case 'H':
    case 'h':
    case 'm':
    case 's':
    case 'L':
      return (letter === 'L' ? 'M' : letter).repeat(Math.min(length, 4));
    case 'k':
      return 'H'.repeat(Math.min(length, 2));
    default:
      throw new TypeError(`unsupported date pattern letter "${letter}"`);
  }
}

/** Translates a Java `DateTimeFormatter` pattern into a Luxon format string. */
function toLuxonFormat(javaPattern: string): string {
  let output = '';
  let index = 0;
  const quote = (text: string): string => (text === '' ? '' : `'${text.replace(/'/g, "''")}'`);
  while (index < javaPattern.length) {
    const character = javaPattern[index] as string;
    if (character === "'") {
      const end = javaPattern.indexOf("'", index + 1);
      const literal = end < 0 ? javaPattern.slice(index + 1) : javaPattern.slice(index + 1, end);
      output += literal === '' ? quote("'") : quote(literal);
      index = end < 0 ? javaPattern.length : end + 1;
    } else if (/[A-Za-z]/.test(character)) {
      let end = index;
      while (javaPattern[end] === character) end += 1;
      output += luxonToken(character, end - index);
      index = end;
    } else {
      let end = index;
      while (end < javaPattern.length && !/[A-Za-z']/.test(javaPattern[end] as string)) end += 1;
      output += quote(javaPattern.slice(index, end));
      index = end;
    }
  }
  return output;
}
