/** recordActivity, step 1: an activity already stored under this key is the answer (idempotent retry). */
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationRecordActivityArgs } from '@leaderboard/core/generated/schema';
import type { RecordActivityStash } from '../lib/activity.ts';
import { endOnDataSourceError } from '../lib/errors.ts';

export function request(
  ctx: Context<MutationRecordActivityArgs, RecordActivityStash>,
): DynamoDBGetItemRequest {
  return {
    operation: 'GetItem',
    key: util.dynamodb.toMapValues({ pk: ctx.stash.activity.pk }),
    consistentRead: true,
  };
}

export function response(ctx: Context<MutationRecordActivityArgs, RecordActivityStash>): unknown {
  endOnDataSourceError(ctx.error);
  ctx.stash.recorded = ctx.result ?? null;
  return ctx.result;
}
