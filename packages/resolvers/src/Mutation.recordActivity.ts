/**
 * Records one activity for the caller (pipeline: getRecordedActivityAndDailyPoints,
 * getActivityProgram, getTeamAssignment, writeActivity, getActivityAfterRace). This step validates, computes the points from the
 * catalog and prepares every key; the functions then read and write.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { Activity, MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { validateRecordActivity } from '@leaderboard/core/validation';
import { pendingActivity, toActivity, type RecordActivityStash } from './lib/activity.ts';
import { requireCaller } from './lib/caller.ts';
import { endWith } from './lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): Record<string, never> {
  const caller = requireCaller(ctx);
  const input = ctx.args.input;
  const nowMs = util.time.nowEpochMilliSeconds();
  const occurredAtMs = input.occurredAt ? util.time.parseISO8601ToEpochMilliSeconds(input.occurredAt) : null;
  const outcome = validateRecordActivity(input, { nowMs, occurredAtMs }, serviceConfig);
  if (!outcome.ok) return endWith(outcome.error);
  ctx.stash.activity = pendingActivity(caller, outcome.value, nowMs);
  ctx.stash.team = { userId: caller.userId, teamId: caller.teamId };
  return {};
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): Activity {
  const recorded = ctx.stash.recorded;
  if (!recorded) return util.error('The activity could not be recorded.', errorTypes.internal);
  return toActivity(recorded);
}
