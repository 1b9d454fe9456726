/**
 * Records one activity for the caller (pipeline: getRecordedActivityAndDailyPoints,
 * getActivityProgram, getTeamAssignment, writeActivity, getActivityAfterRace). This step validates, computes the points from the
 * catalog and prepares every key; the functions then read and write.
 */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { epochDay, utcDayKey } from '@leaderboard/core/calendar';
import { errorTypes } from '@leaderboard/core/errors';
import type { Activity, MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { epochMinute } from '@leaderboard/core/keys';
import { validateRecordActivity } from '@leaderboard/core/validation';
import { toActivity, type RecordActivityStash } from './lib/activity.ts';
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
  const valid = outcome.value;
  const key = valid.idempotencyKey ?? util.autoUlid();
  const minute = epochMinute(nowMs);
  const dayEndSeconds = (epochDay(valid.occurredAtMs) + 1) * 86_400;
  ctx.stash.activity = {
    key,
    id: util.autoUlid(),
    userId: caller.userId,
    displayName: caller.displayName,
    type: valid.definition.type,
    quantity: valid.quantity,
    basePoints: valid.points,
    maxPointsPerDay: valid.definition.maxPointsPerDay,
    programId: valid.programId,
    teamId: caller.teamId,
    occurredAt: util.time.epochMilliSecondsToISO8601(valid.occurredAtMs),
    recordedAt: util.time.epochMilliSecondsToISO8601(nowMs),
    idempotencyKey: valid.idempotencyKey,
    minute,
    rateExpiresAt: (minute + 1) * 60 + serviceConfig.rateCounterTtlSeconds,
    day: utcDayKey(valid.occurredAtMs),
    // No activity can count on that day once it is older than the accepted age.
    dailyExpiresAt: dayEndSeconds + (serviceConfig.maxActivityAgeDays + 1) * 86_400,
  };
  return {};
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): Activity {
  const recorded = ctx.stash.recorded;
  if (!recorded) return util.error('The activity could not be recorded.', errorTypes.internal);
  return toActivity(recorded);
}
