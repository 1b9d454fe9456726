/**
 * Points from a quantity, and the per-day cap. Bundled into APPSYNC_JS resolvers.
 */
import type { ActivityDefinition } from './catalog.ts';

/**
 * Absorbs binary float error in `quantity * points / per` (0.29 * 100 = 28.999999999999996)
 * without ever rounding a genuinely smaller value up.
 */
const floatTolerance = 1e-9;

/** Points one activity earns before the daily cap: `floor(quantity * points / per)`, never negative. */
export function pointsFor(definition: ActivityDefinition, quantity: number): number {
  const exact = (quantity * definition.points) / definition.per;
  const points = Math.floor(exact + floatTolerance);
  return points > 0 ? points : 0;
}

/** What still counts today: the part of `points` that fits under the cap after `alreadyCounted`. */
export function pointsWithinDailyCap(
  points: number,
  alreadyCounted: number,
  maxPointsPerDay: number,
): number {
  const remaining = maxPointsPerDay - alreadyCounted;
  if (remaining <= 0) return 0;
  return points < remaining ? points : remaining;
}
