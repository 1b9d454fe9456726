/** myProgress, step 1: the program, for its goal; none ends the pipeline with null. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryMyProgressArgs } from '@leaderboard/core/generated/schema';
import { endOnDataSourceError } from '../lib/errors.ts';
import { getProgramRequest, readProgram } from '../lib/programs.ts';
import type { ProgressStash } from '../lib/progress.ts';

export function request(ctx: Context<QueryMyProgressArgs, ProgressStash>): DynamoDBGetItemRequest {
  return getProgramRequest(ctx.stash.programId as string);
}

export function response(ctx: Context<QueryMyProgressArgs, ProgressStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.program = ctx.result ? readProgram(ctx.result) : null;
  return ctx.stash.program;
}
