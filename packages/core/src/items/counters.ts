/**
 * The short-lived per-user counters in the Activities table that `recordActivity` moves in the
 * same transaction as the activity: activities per UTC minute (the rate limit) and points per
 * UTC day and type (the daily cap). Both expire by `expiresAt`. Bundled into APPSYNC_JS resolvers.
 */
import { digitsValue, isDigits } from '../identifiers.ts';
import { itemKinds, keySeparator, type ActivitiesKey } from '../keys.ts';
import { activitiesTable } from '../tables.ts';
import {
  activitiesKeyAttributes,
  finishReading,
  kindAttribute,
  noteProblem,
  startReading,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemExpression,
  type ItemReader,
} from './item.ts';

export const rateCounterAttributes = {
  pk: activitiesKeyAttributes.pk,
  kind: kindAttribute,
  count: 'count',
  expiresAt: activitiesTable.ttl,
} as const;

export const dailyPointsAttributes = {
  pk: activitiesKeyAttributes.pk,
  kind: kindAttribute,
  points: 'points',
  expiresAt: activitiesTable.ttl,
} as const;

/** Activities the user recorded in one UTC minute. */
export interface RateCounter {
  readonly userId: string;
  /** Epoch minutes. */
  readonly minute: number;
  readonly count: number;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** Points of one activity type already counted for the user on one UTC day. */
export interface DailyPoints {
  readonly userId: string;
  /** `YYYY-MM-DD` of the activities' `occurredAt`. */
  readonly day: string;
  readonly type: string;
  readonly points: number;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const ratePrefix = 'RATE';
const dailyPrefix = 'DAY';

export const rateCounterKey = (userId: string, minute: number): ActivitiesKey => ({
  pk: [ratePrefix, userId, `${minute}`].join(keySeparator),
});

export const dailyPointsKey = (userId: string, day: string, type: string): ActivitiesKey => ({
  pk: [dailyPrefix, userId, day, type].join(keySeparator),
});

export function encodeRateCounter(counter: RateCounter): ItemAttributes {
  const names = rateCounterAttributes;
  return {
    [names.pk]: rateCounterKey(counter.userId, counter.minute).pk,
    [names.kind]: itemKinds.rateCounter,
    [names.count]: counter.count,
    [names.expiresAt]: counter.expiresAt,
  };
}

export function encodeDailyPoints(daily: DailyPoints): ItemAttributes {
  const names = dailyPointsAttributes;
  return {
    [names.pk]: dailyPointsKey(daily.userId, daily.day, daily.type).pk,
    [names.kind]: itemKinds.dailyPoints,
    [names.points]: daily.points,
    [names.expiresAt]: daily.expiresAt,
  };
}

/** The key's parts after `prefix`; none (and a problem) when it has not `count` of them. */
function keyParts(reader: ItemReader, prefix: string, count: number): string[] {
  const pk = reader.attributes[activitiesKeyAttributes.pk];
  const parts = typeof pk === 'string' ? pk.split(keySeparator) : [];
  if (parts.length === count + 1 && parts[0] === prefix && parts.every((part) => part.length > 0)) {
    return parts.slice(1);
  }
  noteProblem(reader, `${activitiesKeyAttributes.pk} is not a ${prefix} key`);
  return [];
}

export function parseRateCounter(item: unknown): Decoded<RateCounter> {
  const names = rateCounterAttributes;
  const reader = startReading(item, 'rate counter item', itemKinds.rateCounter);
  const [userId = '', minute = ''] = keyParts(reader, ratePrefix, 2);
  if (!isDigits(minute)) noteProblem(reader, `${names.pk} does not end in an epoch minute`);
  return finishReading(reader, {
    userId,
    minute: isDigits(minute) ? digitsValue(minute) : 0,
    count: wholeNumber(reader, names.count, 1),
    expiresAt: wholeNumber(reader, names.expiresAt, 0),
  });
}

export function parseDailyPoints(item: unknown): Decoded<DailyPoints> {
  const names = dailyPointsAttributes;
  const reader = startReading(item, 'daily points item', itemKinds.dailyPoints);
  const [userId = '', day = '', type = ''] = keyParts(reader, dailyPrefix, 3);
  return finishReading(reader, {
    userId,
    day,
    type,
    points: wholeNumber(reader, names.points, 0),
    expiresAt: wholeNumber(reader, names.expiresAt, 0),
  });
}

/** Counts `activities` more in the minute, on condition the minute's `limit` still holds with them. */
export function rateCounterIncrement(
  expiresAt: number,
  limit: number,
  activities = 1,
): { readonly update: ItemExpression; readonly condition: ItemExpression } {
  const names = rateCounterAttributes;
  return {
    update: {
      expression: 'ADD #count :activities SET #kind = :kind, #expiresAt = :expiresAt',
      names: { '#count': names.count, '#kind': names.kind, '#expiresAt': names.expiresAt },
      values: { ':activities': activities, ':kind': itemKinds.rateCounter, ':expiresAt': expiresAt },
    },
    condition: {
      expression: 'attribute_not_exists(#count) OR #count <= :room',
      names: { '#count': names.count },
      values: { ':room': limit - activities },
    },
  };
}

/** Adds `points` to the day's count, on condition the day's total stays within `maxPointsPerDay`. */
export function dailyPointsAddition(
  points: number,
  expiresAt: number,
  maxPointsPerDay: number,
): { readonly update: ItemExpression; readonly condition: ItemExpression } {
  const names = dailyPointsAttributes;
  return {
    update: {
      expression: 'ADD #points :points SET #kind = :kind, #expiresAt = :expiresAt',
      names: { '#points': names.points, '#kind': names.kind, '#expiresAt': names.expiresAt },
      values: { ':points': points, ':kind': itemKinds.dailyPoints, ':expiresAt': expiresAt },
    },
    condition: {
      expression: 'attribute_not_exists(#points) OR #points <= :room',
      names: { '#points': names.points },
      values: { ':room': maxPointsPerDay - points },
    },
  };
}
