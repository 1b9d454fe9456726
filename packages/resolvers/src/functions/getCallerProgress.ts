/** myProgress, step 2: the caller's progress in the program (none before anything counted). */
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryMyProgressArgs } from '@leaderboard/core/generated/schema';
import { parseProgress, progressKey } from '@leaderboard/core/items/progress';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';
import type { ProgressStash } from '../lib/progress.ts';

export function request(ctx: Context<QueryMyProgressArgs, ProgressStash>): DynamoDBGetItemRequest {
  if (!ctx.stash.program) runtime.earlyReturn(null, { skipTo: 'END' });
  return {
    operation: 'GetItem',
    key: keyValues(progressKey(ctx.stash.userId, ctx.stash.programId as string)),
  };
}

export function response(ctx: Context<QueryMyProgressArgs, ProgressStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.progress = ctx.result ? [decodedOrInternalFailure(parseProgress(ctx.result))] : [];
  return ctx.stash.progress;
}
