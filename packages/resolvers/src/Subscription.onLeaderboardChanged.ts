/** Live snapshots; with a board id, only that board's (an enhanced filter on `boardId`). */
import { extensions, util, type Context, type NONERequest } from '@aws-appsync/utils';
import type { SubscriptionOnLeaderboardChangedArgs } from '@leaderboard/core/generated/schema';
import { requireBoardId } from './lib/board.ts';

export function request(ctx: Context<SubscriptionOnLeaderboardChangedArgs>): NONERequest {
  if (ctx.args.boardId) requireBoardId(ctx.args.boardId);
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnLeaderboardChangedArgs>): null {
  if (ctx.args.boardId) {
    extensions.setSubscriptionFilter(
      util.transform.toSubscriptionFilter({ boardId: { eq: ctx.args.boardId } }),
    );
  }
  return null;
}
