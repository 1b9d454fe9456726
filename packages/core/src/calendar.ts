/**
 * UTC calendar arithmetic on epoch milliseconds: day keys for the daily caps, ISO weeks and
 * months for the time-window boards. Written with integer arithmetic (Howard Hinnant's civil-date
 * algorithms) because APPSYNC_JS has no `Date`; the same code then runs in resolvers and
 * Lambdas, so both sides agree on every boundary.
 */
const millisecondsPerDay = 86_400_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const epochDay = (epochMs: number): number => Math.floor(epochMs / millisecondsPerDay);

export function civilFromEpochDay(days: number): CivilDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function epochDayFromCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const zeros = '0000000000000000';

/** Zero-padded decimal (width up to 16); APPSYNC_JS lacks `String.prototype.padStart`. */
export function zeroPad(value: number, width: number): string {
  const text = `${value}`;
  const missing = width - text.length;
  return missing > 0 ? `${zeros.slice(0, missing)}${text}` : text;
}

/** `YYYY-MM-DD` of the UTC day containing `epochMs`. */
export function utcDayKey(epochMs: number): string {
  const date = civilFromEpochDay(epochDay(epochMs));
  return `${zeroPad(date.year, 4)}-${zeroPad(date.month, 2)}-${zeroPad(date.day, 2)}`;
}

export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(epochMs: number): IsoWeek {
  const days = epochDay(epochMs);
  // 1970-01-01 was a Thursday: Monday = 0 ... Sunday = 6.
  const weekday = (((days + 3) % 7) + 7) % 7;
  const thursday = days - weekday + 3;
  const year = civilFromEpochDay(thursday).year;
  const week = Math.floor((thursday - epochDayFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** `YYYY-Www`, e.g. `2026-W47`. */
export function isoWeekKey(epochMs: number): string {
  const { year, week } = isoWeekOf(epochMs);
  return `${zeroPad(year, 4)}-W${zeroPad(week, 2)}`;
}

/** `YYYY-MM` of the UTC month containing `epochMs`, e.g. `2026-11`. */
export function utcMonthKey(epochMs: number): string {
  const date = civilFromEpochDay(epochDay(epochMs));
  return `${zeroPad(date.year, 4)}-${zeroPad(date.month, 2)}`;
}
