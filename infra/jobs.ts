import { rebuilderFunction } from '@leaderboard/core/functions';
import { rebuildSchedule } from '@leaderboard/core/schedules';
import { register } from './access.ts';
// The rebuilder links the API, so the API is created first.
import './api.ts';
import { functionArgsFromSpec } from './functions.ts';

/** Links and grants (one field of the API: the IAM-only publish mutation) come from its spec. */
export const rebuilder = register(
  rebuilderFunction.name,
  new sst.aws.Function(rebuilderFunction.name, functionArgsFromSpec(rebuilderFunction)),
);

export const rebuildCron = new sst.aws.CronV2(rebuildSchedule.name, {
  schedule: rebuildSchedule.expression,
  function: rebuilder,
});
