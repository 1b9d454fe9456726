/** The caller's progress in one program (pipeline: getProgram, getCallerProgress). */
import { util, type Context } from '@aws-appsync/utils';
import type { ProgramProgress, QueryMyProgressArgs } from '@leaderboard/core/generated/schema';
import { requireCaller } from './lib/caller.ts';
import { requireProgramId, toProgramProgress } from './lib/programs.ts';
import type { ProgressStash } from './lib/progress.ts';

export function request(ctx: Context<QueryMyProgressArgs, ProgressStash>): Record<string, never> {
  ctx.stash.userId = requireCaller(ctx).userId;
  ctx.stash.programId = requireProgramId(ctx.args.programId, 'programId');
  return {};
}

export function response(ctx: Context<QueryMyProgressArgs, ProgressStash>): ProgramProgress | null {
  const program = ctx.stash.program;
  if (!program) return null;
  const progress = ctx.stash.progress ?? [];
  return toProgramProgress(program, progress[0] ?? null, util.time.nowEpochMilliSeconds());
}
