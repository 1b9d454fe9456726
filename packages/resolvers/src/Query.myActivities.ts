/**
 * The caller's activities, newest `occurredAt` first, a page at a time: one Query of the
 * caller's partition of the `byUser` index, resumed from AppSync's `nextToken`.
 */
import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { ActivityPage, QueryMyActivitiesArgs } from '@leaderboard/core/generated/schema';
import { requireCaller } from './lib/caller.ts';
import { historyPageRequest, historyPageResponse } from './lib/history.ts';

export function request(ctx: Context<QueryMyActivitiesArgs>): DynamoDBQueryRequest {
  return historyPageRequest(requireCaller(ctx).userId, ctx.args);
}

export function response(ctx: Context<QueryMyActivitiesArgs>): ActivityPage {
  return historyPageResponse(ctx, 'myActivities');
}
