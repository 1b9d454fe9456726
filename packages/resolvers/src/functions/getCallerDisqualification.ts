/**
 * myStanding, step 1: whether an admin disqualified the caller on the board or on every board
 * (one Query of the caller's entries in the disqualification partition).
 */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import {
  disqualificationAttributes,
  disqualificationPartition,
  disqualificationPrefix,
  disqualifiesOn,
  parseDisqualification,
} from '@leaderboard/core/items/disqualification';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import type { StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): DynamoDBQueryRequest {
  const names = disqualificationAttributes;
  return {
    operation: 'Query',
    query: {
      expression: '#pk = :pk AND begins_with(#sk, :prefix)',
      expressionNames: { '#pk': names.pk, '#sk': names.sk },
      expressionValues: util.dynamodb.toMapValues({
        ':pk': disqualificationPartition,
        ':prefix': disqualificationPrefix(ctx.stash.userId),
      }),
    },
    consistentRead: true,
  };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): boolean {
  endOnDataSourceError(ctx.error);
  const items = (ctx.result as { items: unknown[] }).items;
  ctx.stash.disqualified = items.some((item) =>
    disqualifiesOn(decodedOrInternalFailure(parseDisqualification(item)), ctx.stash.boardId),
  );
  return ctx.stash.disqualified;
}
