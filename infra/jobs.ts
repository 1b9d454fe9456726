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

/**
 * One run a minute and never a retried one: a run that failed is followed by the next scheduled
 * run, which reads the same changes again (the cursor moves only when every board succeeded).
 * A retry would only overlap that run. The scheduler delivers asynchronously, so both it and
 * Lambda's own async retries are turned off, and an invocation not started within a minute is
 * dropped rather than run late on top of the next one.
 */
const rebuildEventMaxAgeSeconds = 60;

export const rebuildCron = new sst.aws.CronV2(rebuildSchedule.name, {
  schedule: rebuildSchedule.expression,
  function: rebuilder,
  retries: 0,
  transform: {
    schedule: (args) => {
      args.target = $output(args.target).apply((target) => ({
        ...target,
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: rebuildEventMaxAgeSeconds },
      }));
    },
  },
});

// Set here rather than with the function's `retries`, which would create a second config for it.
export const rebuilderInvokeConfig = new aws.lambda.FunctionEventInvokeConfig('RebuilderInvokeConfig', {
  functionName: rebuilder.name,
  maximumRetryAttempts: 0,
  maximumEventAgeInSeconds: rebuildEventMaxAgeSeconds,
});
