/**
 * The timestamps stored items carry: ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`
 * (what `toISOString()` and AppSync's `util.time.epochMilliSecondsToISO8601` write). Checked
 * by hand because APPSYNC_JS has neither `Date` nor regular expressions.
 */
import { civilFromEpochDay, epochDayFromCivil } from '../calendar.ts';
import { digitsValue, isDigits } from '../identifiers.ts';

const separators = [
  { at: 4, character: '-' },
  { at: 7, character: '-' },
  { at: 10, character: 'T' },
  { at: 13, character: ':' },
  { at: 16, character: ':' },
];

/** Digits after the seconds, as Java and JavaScript print them (nanoseconds at most). */
const maxFractionDigits = 9;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = civilFromEpochDay(epochDayFromCivil(year, month, day));
  return date.month === month && date.day === day;
}

export function isUtcTimestamp(text: string): boolean {
  if (text.length < 20 || !text.endsWith('Z')) return false;
  if (!separators.every((separator) => text.charAt(separator.at) === separator.character)) return false;
  const parts = [0, 5, 8, 11, 14, 17].map((start) => text.slice(start, start === 0 ? 4 : start + 2));
  if (!parts.every((part) => isDigits(part))) return false;
  const fraction = text.slice(19, text.length - 1);
  if (fraction.length > 0) {
    const digits = fraction.slice(1);
    if (fraction.charAt(0) !== '.' || digits.length > maxFractionDigits || !isDigits(digits)) return false;
  }
  const [year, month, day, hour, minute, second] = parts.map((part) => digitsValue(part)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return isRealDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * Epoch milliseconds of a timestamp `isUtcTimestamp` accepts (digits after the milliseconds are
 * dropped); NaN for any other text. The same arithmetic in resolvers and Lambdas.
 */
export function utcTimestampMs(text: string): number {
  if (!isUtcTimestamp(text)) return NaN;
  const part = (start: number, length: number): number => digitsValue(text.slice(start, start + length));
  const fraction = `${text.slice(20, text.length - 1)}000`.slice(0, 3);
  const days = epochDayFromCivil(part(0, 4), part(5, 2), part(8, 2));
  return (
    days * 86_400_000 +
    part(11, 2) * 3_600_000 +
    part(14, 2) * 60_000 +
    part(17, 2) * 1000 +
    digitsValue(fraction)
  );
}
