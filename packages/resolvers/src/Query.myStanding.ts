/** The caller's total on a board and, when in the latest snapshot, their rank (pipeline: getCallerTotal, getBoardSnapshot). */
import type { Context } from '@aws-appsync/utils';
import type { QueryMyStandingArgs, Standing } from '@leaderboard/core/generated/schema';
import { requireBoardId } from './lib/board.ts';
import { requireCaller } from './lib/caller.ts';
import type { StandingStash } from './lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): Record<string, never> {
  ctx.stash.userId = requireCaller(ctx).userId;
  ctx.stash.boardId = requireBoardId(ctx.args.boardId);
  return {};
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): Standing {
  const total = ctx.stash.total;
  const snapshot = ctx.stash.snapshot;
  let rank: number | null = null;
  if (snapshot) {
    for (const entry of snapshot.entries) {
      if (entry.userId === ctx.stash.userId) {
        rank = entry.rank;
        break;
      }
    }
  }
  return {
    boardId: ctx.stash.boardId,
    userId: ctx.stash.userId,
    score: total ? total.score : 0,
    rank,
    boardVersion: snapshot ? snapshot.version : null,
  };
}
