/**
 * recordActivities, step 2: the programs the new activities name, in one consistent BatchGetItem;
 * each must exist and count its activity, or the call ends with a ValidationError naming the input
 * before anything is written. No condition on the programs in the transaction, as for
 * recordActivity (`getActivityProgram`). Ends the pipeline when every input is recorded already.
 */
import { runtime, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { errorOfInput, errorTypes } from '@leaderboard/core/errors';
import type { MutationRecordActivitiesArgs } from '@leaderboard/core/generated/schema';
import { programKey } from '@leaderboard/core/items/program';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { activityCountsFor } from '@leaderboard/core/programs';
import type { RecordActivitiesStash } from '../lib/activity.ts';
import { batchGetItems } from '../lib/batch-get.ts';
import { endWith } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';
import { readProgram } from '../lib/programs.ts';

type RecordActivitiesContext = Context<MutationRecordActivitiesArgs, RecordActivitiesStash>;

/** The programs the activities not recorded yet name, each once. */
function namedPrograms(ctx: RecordActivitiesContext): string[] {
  const recorded = ctx.stash.recorded ?? [];
  const ids: string[] = [];
  ctx.stash.activities.forEach((activity, index) => {
    const id = activity.programId;
    if (id !== null && !recorded[index] && ids.indexOf(id) < 0) ids.push(id);
  });
  return ids;
}

export function request(ctx: RecordActivitiesContext): DynamoDBBatchGetItemRequest {
  const recorded = ctx.stash.recorded ?? [];
  if (recorded.every((item) => item !== null)) runtime.earlyReturn(null, { skipTo: 'END' });
  const ids = namedPrograms(ctx);
  if (ids.length === 0) runtime.earlyReturn(null);
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  const keys = ids.map((id) => keyValues(programKey(id)));
  return { operation: 'BatchGetItem', tables: { [table]: { keys, consistentRead: true } } };
}

export function response(ctx: RecordActivitiesContext): unknown {
  const table = ctx.env[apiEnvironmentKeys.scoresTable] as string;
  const items = batchGetItems(ctx.error, ctx.result, table);
  const ids = namedPrograms(ctx);
  const recorded = ctx.stash.recorded ?? [];
  ctx.stash.activities.forEach((activity, index) => {
    if (activity.programId === null || recorded[index]) return;
    const item = items[ids.indexOf(activity.programId)];
    if (!item) {
      endWith(
        errorOfInput(index, {
          errorType: errorTypes.validation,
          message: `No program has id '${activity.programId}'; \`programs\` lists them.`,
          field: 'programId',
        }),
      );
    }
    const counts = activityCountsFor(readProgram(item), {
      type: activity.type,
      occurredAtMs: utcTimestampMs(activity.occurredAt),
    });
    if (!counts.ok) endWith(errorOfInput(index, counts.error));
  });
  return null;
}
