/** A user's activities, reversed ones included, as `myActivities` pages them (admins only). */
import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { ActivityPage, QueryUserActivitiesArgs } from '@leaderboard/core/generated/schema';
import { requireAdmin } from './lib/caller.ts';
import { requireUserId } from './lib/operators.ts';
import { historyPageRequest, historyPageResponse } from './lib/history.ts';

export function request(ctx: Context<QueryUserActivitiesArgs>): DynamoDBQueryRequest {
  requireAdmin(ctx);
  requireUserId(ctx.args.userId);
  return historyPageRequest(ctx.args.userId, ctx.args);
}

export function response(ctx: Context<QueryUserActivitiesArgs>): ActivityPage {
  return historyPageResponse(ctx, 'userActivities');
}
