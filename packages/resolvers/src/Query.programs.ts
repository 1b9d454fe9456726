/** Programs by status at the time of the call: one Query of the programs' partition. */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { Program, QueryProgramsArgs } from '@leaderboard/core/generated/schema';
import { endOnDataSourceError } from './lib/errors.ts';
import { listProgramsRequest, readProgram, toProgram } from './lib/programs.ts';

export function request(_ctx: Context<QueryProgramsArgs>): DynamoDBQueryRequest {
  return listProgramsRequest();
}

export function response(ctx: Context<QueryProgramsArgs>): Program[] {
  endOnDataSourceError(ctx.error);
  const nowMs = util.time.nowEpochMilliSeconds();
  const programs: Program[] = [];
  for (const item of (ctx.result as { items: unknown[] }).items) {
    const program = toProgram(readProgram(item), nowMs);
    if (!ctx.args.status || program.status === ctx.args.status) programs.push(program);
  }
  return programs;
}
