/**
 * recordActivity, step 2: the program the activity names must exist, and the activity must count
 * there (occurred within its dates, a type it counts); otherwise a ValidationError, before anything
 * is written. A consistent read, and no condition on the program in the transaction: checking the
 * program in every activity's transaction would put every activity of a program on one item,
 * spending its write capacity and conflicting with each other; an admin's edit that commits
 * between this read and the transaction orders after the activity, as if it came a moment later.
 */
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { activityCountsFor } from '@leaderboard/core/programs';
import type { RecordActivityStash } from '../lib/activity.ts';
import { endOnDataSourceError, endWith } from '../lib/errors.ts';
import { getProgramRequest, readProgram } from '../lib/programs.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  if (ctx.stash.recorded) runtime.earlyReturn(ctx.stash.recorded, { skipTo: 'END' });
  const programId = ctx.stash.activity.programId;
  if (programId === null) runtime.earlyReturn(null);
  return getProgramRequest(programId as string);
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  endOnDataSourceError(ctx.error);
  const activity = ctx.stash.activity;
  if (!ctx.result) {
    return endWith({
      errorType: errorTypes.validation,
      message: `No program has id '${activity.programId}'; \`programs\` lists them.`,
      field: 'programId',
    });
  }
  const counts = activityCountsFor(readProgram(ctx.result), {
    type: activity.type,
    occurredAtMs: utcTimestampMs(activity.occurredAt),
  });
  if (!counts.ok) return endWith(counts.error);
  return null;
}
