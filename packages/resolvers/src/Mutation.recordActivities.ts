/**
 * Records several activities for the caller in one call, all or none (pipeline:
 * getRecordedActivitiesAndDailyPoints, getActivitiesPrograms, getTeamAssignment, writeActivities).
 * This step validates every input and prepares its keys; the functions read what the inputs name
 * and write every new activity in one transaction. One call instead of one per activity: a device
 * syncing what it kept offline pays one request, one read and one transaction.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Activity, MutationRecordActivitiesArgs } from '@leaderboard/core/generated/schema';
import { validateRecordActivities } from '@leaderboard/core/validation';
import { pendingActivity, toActivity, type RecordActivitiesStash } from './lib/activity.ts';
import { requireCaller } from './lib/caller.ts';
import { endWith } from './lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivitiesArgs, RecordActivitiesStash>,
): Record<string, never> {
  const caller = requireCaller(ctx);
  const inputs = ctx.args.inputs;
  const nowMs = util.time.nowEpochMilliSeconds();
  const clocks = inputs.map((input) => ({
    nowMs,
    occurredAtMs: input.occurredAt ? util.time.parseISO8601ToEpochMilliSeconds(input.occurredAt) : null,
  }));
  const outcome = validateRecordActivities(inputs, clocks, serviceConfig);
  if (!outcome.ok) return endWith(outcome.error);
  ctx.stash.activities = outcome.value.map((valid) => pendingActivity(caller, valid, nowMs));
  ctx.stash.team = { userId: caller.userId, teamId: caller.teamId };
  return {};
}

export function response(ctx: Context<MutationRecordActivitiesArgs, RecordActivitiesStash>): Activity[] {
  const recorded = ctx.stash.recorded ?? [];
  return ctx.stash.activities.map((_activity, index) => {
    const item = recorded[index];
    if (!item) return util.error('The activities could not be recorded.', errorTypes.internal);
    return toActivity(item);
  });
}
