/**
 * Reads a timestamp with a Java `DateTimeFormatter` pattern (the tokens of
 * `java-date-pattern.ts`) into epoch milliseconds, as `ZonedDateTime.parse` does: the whole
 * text must match, optional sections may be absent, and an offset or zone in the text wins
 * over the zone given. Week-based fields and zone names (`z`) are not read.
 */
import { DateTime } from 'luxon';
import { meridiems, monthNames, weekdayNames } from './java-date-format.ts';
import { JavaDatePatternError, type PatternToken } from './java-date-pattern.ts';
import { javaZone, parseOffset, type JavaZone } from './java-zone.ts';

/** Text that does not match its pattern, or does not name one point in time. */
export class JavaDateParseError extends RangeError {
  override readonly name = 'JavaDateParseError';
}

interface Capture {
  readonly letter: string;
  readonly count: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const oneOf = (names: readonly string[]): string =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const names = (count: number, set: { long: string[]; short: string[]; narrow: string[] }): string[] =>
  count === 4 ? set.long : count === 5 ? set.narrow : set.short;
const digits = (count: number, max = 2): string => (count === 1 ? `\\d{1,${max}}` : `\\d{${count}}`);

const offsetPatterns: Record<string, (count: number) => string> = {
  X: (count) => `Z|${offsetPatterns.x?.(count) as string}`,
  x: (count) =>
    [
      '[+-]\\d{2}(?:\\d{2})?',
      '[+-]\\d{4}',
      '[+-]\\d{2}:\\d{2}',
      '[+-]\\d{4}(?:\\d{2})?',
      '[+-]\\d{2}:\\d{2}(?::\\d{2})?',
    ][count - 1] as string,
  Z: (count) =>
    count <= 3
      ? '[+-]\\d{4}'
      : count === 4
        ? (offsetPatterns.O?.(4) as string)
        : (offsetPatterns.X?.(5) as string),
  O: () => 'GMT(?:[+-]\\d{1,2}(?::\\d{2}(?::\\d{2})?)?)?',
};

function fieldPattern(letter: string, count: number): string {
  if (offsetPatterns[letter]) return (offsetPatterns[letter] as (count: number) => string)(count);
  if ('uyY'.includes(letter)) return count === 2 ? '\\d{2}' : `[+-]?\\d{${count === 1 ? 1 : count},}`;
  if ('ML'.includes(letter)) return count <= 2 ? digits(count) : oneOf(names(count, monthNames));
  if ('Eec'.includes(letter) && (letter === 'E' || count >= 3))
    return oneOf(names(Math.max(count, 3), weekdayNames));
  if ('dHhKkmswWFecQq'.includes(letter)) return digits(count);
  if (letter === 'D') return digits(count, 3);
  if (letter === 'S') return `\\d{${count}}`;
  if ('AnN'.includes(letter)) return '\\d+';
  if (letter === 'a') return oneOf(meridiems);
  if (letter === 'G') return count === 4 ? 'Anno Domini|Before Christ' : count === 5 ? 'A|B' : 'AD|BC';
  if (letter === 'V') return '[A-Za-z][A-Za-z0-9_/+-]*|[+-][0-9:]+|Z';
  throw new JavaDatePatternError(`Pattern letter "${letter}" cannot be parsed here`);
}

function patternSource(tokens: readonly PatternToken[], captures: Capture[]): string {
  return tokens
    .map((token) => {
      if (token.kind === 'literal') return escape(token.text);
      if (token.kind === 'optional') return `(?:${patternSource(token.tokens, captures)})?`;
      captures.push({ letter: token.letter, count: token.count });
      return `(${fieldPattern(token.letter, token.count)})`;
    })
    .join('');
}

/** `Z`, `GMT`, `GMT+8:30`, `+08`, `+0800`, `+08:00:30` as seconds east of UTC. */
function offsetSeconds(text: string): number {
  const gmt = /^GMT(?:([+-])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?$/.exec(text);
  if (gmt) {
    const total = Number(gmt[2] ?? 0) * 3600 + Number(gmt[3] ?? 0) * 60 + Number(gmt[4] ?? 0);
    return gmt[1] === '-' ? -total : total;
  }
  const seconds = parseOffset(text);
  if (seconds === undefined) throw new JavaDateParseError(`invalid offset "${text}"`);
  return seconds;
}

type Values = ReadonlyMap<string, string>;

function yearOf(values: Values): number {
  const year = values.get('u') ?? values.get('y');
  if (year === undefined) throw new JavaDateParseError('the pattern has no year (u or y)');
  const value = year.length === 2 && !/^[+-]/.test(year) ? 2000 + Number(year) : Number(year);
  return values.get('G')?.startsWith('B') ? 1 - value : value;
}

function monthOf(values: Values): number | undefined {
  const month = values.get('M') ?? values.get('L');
  if (month === undefined) return undefined;
  if (/^\d+$/.test(month)) return Number(month);
  const sets = [monthNames.long, monthNames.short];
  return (sets.map((set) => set.indexOf(month)).find((index) => index >= 0) ?? -1) + 1;
}

function hourOf(values: Values): number {
  const hourOfDay = values.get('H') ?? (values.has('k') ? String(Number(values.get('k')) % 24) : undefined);
  if (hourOfDay !== undefined) return Number(hourOfDay);
  const hourOfAmPm = values.get('h') ?? values.get('K');
  if (hourOfAmPm === undefined) return 0;
  if (!values.has('a')) throw new JavaDateParseError('an hour of am-pm (h or K) needs the am-pm marker (a)');
  return (Number(hourOfAmPm) % 12) + (values.get('a') === meridiems[1] ? 12 : 0);
}

function localFields(values: Values): Record<string, number> {
  const year = yearOf(values);
  const month = monthOf(values);
  const fraction = (values.get('S') ?? '').padEnd(9, '0');
  const time = {
    hour: hourOf(values),
    minute: Number(values.get('m') ?? 0),
    second: Number(values.get('s') ?? 0),
    millisecond: Math.floor(Number(fraction) / 1_000_000),
  };
  if (month !== undefined) return { year, month, day: Number(values.get('d') ?? 1), ...time };
  if (values.has('D')) return { year, ordinal: Number(values.get('D')), ...time };
  throw new JavaDateParseError('the pattern has no month and day (M, d) or day of year (D)');
}

/** The instant for local `fields` in the offset or zone the text names, else in `zone`. */
function instantOf(fields: Record<string, number>, values: Values, zone: JavaZone | undefined): number {
  const local = DateTime.fromObject(fields, { zone: 'utc' });
  if (!local.isValid)
    throw new JavaDateParseError(`not a valid date-time: ${local.invalidExplanation ?? ''}`);
  const offsetText = ['X', 'x', 'Z', 'O']
    .map((letter) => values.get(letter))
    .find((value) => value !== undefined);
  if (offsetText !== undefined) return local.toMillis() - offsetSeconds(offsetText) * 1000;
  const target = values.has('V') ? javaZone(values.get('V')) : zone;
  if (!target) throw new JavaDateParseError('the text has no time zone and none was given');
  if (!target.region) return local.toMillis() - target.offsetSeconds(local.toMillis()) * 1000;
  return DateTime.fromObject(fields, { zone: target.region }).toMillis();
}

export function parseInstant(
  text: string,
  tokens: readonly PatternToken[],
  pattern: string,
  zone?: JavaZone,
): number {
  const captures: Capture[] = [];
  const match = new RegExp(`^${patternSource(tokens, captures)}$`).exec(text);
  if (!match) throw new JavaDateParseError(`Text '${text}' could not be parsed with pattern '${pattern}'`);
  const values = new Map<string, string>();
  captures.forEach((capture, index) => {
    const value = match[index + 1];
    if (value !== undefined) values.set(capture.letter, value);
  });
  return instantOf(localFields(values), values, zone);
}
