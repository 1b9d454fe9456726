/**
 * myStanding, step 3, only when the snapshot cannot answer (the caller is not in it, or their
 * neighbours run past its end): the rank and neighbours on the live totals, from the `standing`
 * Lambda, which reads every score shard (see `api.ts` for why a Lambda).
 */
import { runtime, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import { endOnDataSourceError } from '../lib/errors.ts';
import { snapshotIndexOfCaller, type LiveStanding, type StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): LambdaRequest {
  const total = ctx.stash.total;
  if (!total || ctx.stash.disqualified || snapshotIndexOfCaller(ctx.stash) >= 0) {
    ctx.stash.live = null;
    runtime.earlyReturn(null);
  }
  return {
    operation: 'Invoke',
    payload: {
      boardId: ctx.stash.boardId,
      userId: ctx.stash.userId,
      score: total ? total.score : 0,
      reachedAt: total ? total.reachedAt : '',
      around: ctx.stash.around,
    },
  };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.live = ctx.result as LiveStanding;
  return ctx.stash.live;
}
