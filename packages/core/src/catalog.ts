/**
 * The activity catalog: what can be recorded, in which unit, and how it scores. The server
 * owns these rules; clients only read them (`Query.activityTypes`). Bundled into APPSYNC_JS
 * resolvers, so this file stays within that runtime's language subset.
 */
/** How finely each unit is recorded: a quantity has at most this many decimals (whole steps, 10 m). */
export const unitDecimals = { steps: 0, minutes: 1, km: 2, sessions: 0 } as const;

export type ActivityUnit = keyof typeof unitDecimals;

export interface ActivityDefinition {
  readonly type: string;
  readonly name: string;
  readonly unit: ActivityUnit;
  /** Points are `floor(quantity * points / per)`: integers keep the rule exact, unlike a float rate. */
  readonly points: number;
  readonly per: number;
  /** Larger quantities in one activity are refused as implausible. */
  readonly maxQuantityPerActivity: number;
  /** Points of this type count at most this much per user and UTC day (of `occurredAt`). */
  readonly maxPointsPerDay: number;
}

export const activityCatalog: readonly ActivityDefinition[] = [
  {
    type: 'steps',
    name: 'Steps',
    unit: 'steps',
    points: 1,
    per: 100,
    maxQuantityPerActivity: 60_000,
    maxPointsPerDay: 300,
  },
  {
    type: 'running',
    name: 'Running',
    unit: 'minutes',
    points: 2,
    per: 1,
    maxQuantityPerActivity: 300,
    maxPointsPerDay: 400,
  },
  {
    type: 'cycling',
    name: 'Cycling',
    unit: 'km',
    points: 1,
    per: 1,
    maxQuantityPerActivity: 300,
    maxPointsPerDay: 300,
  },
  {
    type: 'swimming',
    name: 'Swimming',
    unit: 'minutes',
    points: 3,
    per: 1,
    maxQuantityPerActivity: 240,
    maxPointsPerDay: 400,
  },
  {
    type: 'workout',
    name: 'Workout session',
    unit: 'sessions',
    points: 50,
    per: 1,
    maxQuantityPerActivity: 3,
    maxPointsPerDay: 150,
  },
  {
    type: 'yoga',
    name: 'Yoga',
    unit: 'minutes',
    points: 1,
    per: 1,
    maxQuantityPerActivity: 180,
    maxPointsPerDay: 120,
  },
];

export function findActivityDefinition(type: string): ActivityDefinition | null {
  for (const definition of activityCatalog) {
    if (definition.type === type) return definition;
  }
  return null;
}

/** `1 point per 100 steps`, `2 points per 1 minutes` reads poorly, so singular units get their own form. */
export function describePointsRule(definition: ActivityDefinition): string {
  const points = definition.points === 1 ? '1 point' : `${definition.points} points`;
  const per =
    definition.per === 1
      ? `per ${singularUnit(definition.unit)}`
      : `per ${definition.per} ${definition.unit}`;
  return `${points} ${per}`;
}

function singularUnit(unit: string): string {
  if (unit === 'minutes') return 'minute';
  if (unit === 'sessions') return 'session';
  if (unit === 'steps') return 'step';
  return unit;
}

/** Points earned per one unit, as the API reports it (`ActivityType.pointsPerUnit`). */
export const pointsPerUnit = (definition: ActivityDefinition): number => definition.points / definition.per;
