/**
 * myPrograms, step 2: every progress item of the caller, from their partition. One page: a user
 * has at most one per program, and programs are capped (`maxPrograms`).
 */
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { userPartition } from '@leaderboard/core/keys';
import { parseProgress, progressAttributes, progressSortKeyPrefix } from '@leaderboard/core/items/progress';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import type { ProgressStash } from '../lib/progress.ts';

export function request(ctx: Context<Record<string, never>, ProgressStash>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    query: {
      expression: '#pk = :pk AND begins_with(#sk, :prefix)',
      expressionNames: { '#pk': progressAttributes.pk, '#sk': progressAttributes.sk },
      expressionValues: util.dynamodb.toMapValues({
        ':pk': userPartition(ctx.stash.userId),
        ':prefix': progressSortKeyPrefix,
      }),
    },
  };
}

export function response(ctx: Context<Record<string, never>, ProgressStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.progress = (ctx.result as { items: unknown[] }).items.map((item) =>
    decodedOrInternalFailure(parseProgress(item)),
  );
  return null;
}
