/** A user's activities, reversed ones included, as `myActivities` pages them (admins only). */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { ActivityPage, QueryUserActivitiesArgs } from '@leaderboard/core/generated/schema';
import { isUsableUserId } from '@leaderboard/core/identifiers';
import { requireAdmin } from './lib/caller.ts';
import { historyPageRequest, historyPageResponse } from './lib/history.ts';

export function request(ctx: Context<QueryUserActivitiesArgs>): DynamoDBQueryRequest {
  requireAdmin(ctx);
  if (!isUsableUserId(ctx.args.userId, serviceConfig.maxStringLength)) {
    util.error(
      `userId must be 1 to ${serviceConfig.maxStringLength} characters without '#'.`,
      errorTypes.validation,
      null,
      {
        field: 'userId',
      },
    );
  }
  return historyPageRequest(ctx.args.userId, ctx.args);
}

export function response(ctx: Context<QueryUserActivitiesArgs>): ActivityPage {
  return historyPageResponse(ctx, 'userActivities');
}
