/** One program by id: one GetItem; null when no program has the id. */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { Program, QueryProgramArgs } from '@leaderboard/core/generated/schema';
import { endOnDataSourceError } from './lib/errors.ts';
import { getProgramRequest, readProgram, requireProgramId, toProgram } from './lib/programs.ts';

export function request(ctx: Context<QueryProgramArgs>): DynamoDBGetItemRequest {
  return getProgramRequest(requireProgramId(ctx.args.id, 'id'));
}

export function response(ctx: Context<QueryProgramArgs>): Program | null {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) return null;
  return toProgram(readProgram(ctx.result), util.time.nowEpochMilliSeconds());
}
