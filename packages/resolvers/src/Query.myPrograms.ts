/**
 * Every running program and every program the caller has counted activities in, each with the
 * caller's progress (pipeline: listPrograms, listCallerProgress).
 */
import { util, type Context } from '@aws-appsync/utils';
import type { ProgramProgress } from '@leaderboard/core/generated/schema';
import type { StoredProgress } from '@leaderboard/core/items/progress';
import { programStatus } from '@leaderboard/core/programs';
import { requireCaller } from './lib/caller.ts';
import { toProgramProgress } from './lib/programs.ts';
import type { ProgressStash } from './lib/progress.ts';

export function request(ctx: Context<Record<string, never>, ProgressStash>): Record<string, never> {
  ctx.stash.userId = requireCaller(ctx).userId;
  return {};
}

export function response(ctx: Context<Record<string, never>, ProgressStash>): ProgramProgress[] {
  const nowMs = util.time.nowEpochMilliSeconds();
  const progressByProgram: Record<string, StoredProgress> = {};
  for (const progress of ctx.stash.progress ?? []) progressByProgram[progress.programId] = progress;
  const mine: ProgramProgress[] = [];
  for (const program of ctx.stash.programs ?? []) {
    const progress = progressByProgram[program.id] ?? null;
    if (progress !== null || programStatus(program, nowMs) === 'ACTIVE') {
      mine.push(toProgramProgress(program, progress, nowMs));
    }
  }
  return mine;
}
