/**
 * An activity's points by the catalog as it is now: what a replay with rescoring writes back to
 * the log after a scoring rule was corrected. Points come from the quantity (`pointsFor`), then
 * the daily cap of the type, taken in the order the activities were recorded, as `recordActivity`
 * took it. A reversed activity keeps its points and takes none of the cap (its share was given
 * back); an activity the worker has not applied yet is on its way with the points it has, so it
 * keeps them and takes its share of the cap as recorded.
 */
import { utcDayKey } from './calendar.ts';
import { findActivityDefinition } from './catalog.ts';
import type { StoredActivity } from './items/activity.ts';
import { utcTimestampMs } from './items/timestamp.ts';
import { pointsFor, pointsWithinDailyCap } from './scoring.ts';

export interface RescoredActivity {
  readonly activity: StoredActivity;
  readonly basePoints: number;
  readonly points: number;
}

export interface Rescoring {
  /** The activities whose points change. */
  readonly changed: RescoredActivity[];
  /** Points counted per UTC day and type after rescoring (`<YYYY-MM-DD> <type>`): the day counters' due values. */
  readonly dayPoints: ReadonlyMap<string, number>;
}

export const dayPointsKey = (day: string, type: string): string => `${day} ${type}`;

const recordedOrder = (a: StoredActivity, b: StoredActivity): number =>
  a.recordedAt === b.recordedAt
    ? a.key < b.key
      ? -1
      : 1
    : utcTimestampMs(a.recordedAt) - utcTimestampMs(b.recordedAt);

/** One user's history rescored by the current catalog. */
export function rescoreHistory(history: readonly StoredActivity[]): Rescoring {
  const dayPoints = new Map<string, number>();
  const changed: RescoredActivity[] = [];
  for (const activity of [...history].sort(recordedOrder)) {
    if (activity.reversal) continue;
    const definition = findActivityDefinition(activity.type);
    const day = dayPointsKey(utcDayKey(utcTimestampMs(activity.occurredAt)), activity.type);
    const counted = dayPoints.get(day) ?? 0;
    // A type the catalog no longer has keeps its points: there is no rule to score it by.
    if (activity.processedAt === null || definition === null) {
      dayPoints.set(day, counted + activity.points);
      continue;
    }
    const basePoints = pointsFor(definition, activity.quantity);
    const points = pointsWithinDailyCap(basePoints, counted, definition.maxPointsPerDay);
    dayPoints.set(day, counted + points);
    if (basePoints !== activity.basePoints || points !== activity.points)
      changed.push({ activity, basePoints, points });
  }
  return { changed, dayPoints };
}
