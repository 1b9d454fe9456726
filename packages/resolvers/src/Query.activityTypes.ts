/** The activity catalog, from the same definitions that score activities. */
import type { Context, NONERequest } from '@aws-appsync/utils';
import { activityCatalog, describePointsRule, pointsPerUnit } from '@leaderboard/core/catalog';
import type { ActivityType } from '@leaderboard/core/generated/schema';

export function request(_ctx: Context): NONERequest {
  return { payload: null };
}

export function response(_ctx: Context): ActivityType[] {
  const types: ActivityType[] = [];
  for (const definition of activityCatalog) {
    types.push({
      type: definition.type,
      name: definition.name,
      unit: definition.unit,
      pointsRule: describePointsRule(definition),
      pointsPerUnit: pointsPerUnit(definition),
      maxQuantityPerActivity: definition.maxQuantityPerActivity,
      maxPointsPerDay: definition.maxPointsPerDay,
    });
  }
  return types;
}
