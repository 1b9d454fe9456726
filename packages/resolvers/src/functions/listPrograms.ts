/** myPrograms, step 1: every program. */
import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { endOnDataSourceError } from '../lib/errors.ts';
import { listProgramsRequest, readProgram } from '../lib/programs.ts';
import type { ProgressStash } from '../lib/progress.ts';

export function request(_ctx: Context<Record<string, never>, ProgressStash>): DynamoDBQueryRequest {
  return listProgramsRequest();
}

export function response(ctx: Context<Record<string, never>, ProgressStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.programs = (ctx.result as { items: unknown[] }).items.map(readProgram);
  return null;
}
