import { rebuilderFunction } from '@leaderboard/core/functions';
import { rebuildSchedule } from '@leaderboard/core/schedules';
import { api, apiArn } from './api.ts';
import { functionArgsFromSpec } from './functions.ts';
import { scores } from './storage.ts';

/** The rebuilder may call exactly one field of the API: the IAM-only publish mutation. */
export const rebuilder = new sst.aws.Function(rebuilderFunction.name, {
  ...functionArgsFromSpec(rebuilderFunction),
  link: [scores, api],
  permissions: [
    {
      actions: ['appsync:GraphQL'],
      resources: [$interpolate`${apiArn}/types/Mutation/fields/publishLeaderboard`],
    },
  ],
});

export const rebuildCron = new sst.aws.CronV2(rebuildSchedule.name, {
  schedule: rebuildSchedule.expression,
  function: rebuilder,
});
