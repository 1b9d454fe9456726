/** myStanding, step 2: the board's latest snapshot, for the caller's rank. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { scoresKey } from '../lib/keys.ts';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import { snapshotKey } from '@leaderboard/core/keys';
import { endOnDataSourceError } from '../lib/errors.ts';
import { toEntries } from '../lib/snapshot.ts';
import type { StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): DynamoDBGetItemRequest {
  return {
    operation: 'GetItem',
    key: scoresKey(snapshotKey(ctx.stash.boardId)),
    projection: { expression: '#version, entries', expressionNames: { '#version': 'version' } },
  };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): unknown {
  endOnDataSourceError(ctx.error);
  const item = ctx.result as Record<string, unknown> | null;
  ctx.stash.snapshot = item
    ? { version: item['version'] as number, entries: toEntries(item['entries']) }
    : null;
  return ctx.stash.snapshot;
}
