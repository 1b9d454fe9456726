/**
 * A user's activities, newest `occurredAt` first, a page at a time: one Query of the user's
 * partition of the `byUser` index, resumed from AppSync's `nextToken` (myActivities for the
 * caller, userActivities for an admin).
 */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type { ActivityPage } from '@leaderboard/core/generated/schema';
import { activityAttributes } from '@leaderboard/core/items/activity';
import type { activitiesTable } from '@leaderboard/core/tables';
import { toActivity } from './activity.ts';
import { endWithInternalFailure } from './errors.ts';

const historyIndex: keyof typeof activitiesTable.globalIndexes = 'byUser';

interface PageArgs {
  readonly limit?: number | null;
  readonly nextToken?: string | null;
}

export function historyPageRequest(userId: string, args: PageArgs): DynamoDBQueryRequest {
  const limit = args.limit ?? serviceConfig.defaultHistoryLimit;
  if (limit < 1 || limit > serviceConfig.maxHistoryLimit) {
    util.error(`limit must be from 1 to ${serviceConfig.maxHistoryLimit}.`, errorTypes.validation, null, {
      field: 'limit',
    });
  }
  return {
    operation: 'Query',
    index: historyIndex,
    query: {
      expression: '#userId = :userId',
      expressionNames: { '#userId': activityAttributes.userId },
      expressionValues: util.dynamodb.toMapValues({ ':userId': userId }),
    },
    scanIndexForward: false,
    limit,
    nextToken: args.nextToken ?? undefined,
  };
}

export function historyPageResponse(ctx: Context<PageArgs>, field: string): ActivityPage {
  if (ctx.error && ctx.args.nextToken && ctx.error.type === 'DynamoDB:ValidationException') {
    // A token of another query (another user's history) names a start this query cannot have.
    console.error(`${field}: nextToken refused`, ctx.error.message);
    util.error('nextToken is not one this query returned.', errorTypes.validation, null, {
      field: 'nextToken',
    });
  }
  if (ctx.error) return endWithInternalFailure(ctx.error);
  const result = ctx.result as { items: unknown[]; nextToken?: string | null };
  return { items: result.items.map(toActivity), nextToken: result.nextToken ?? null };
}
