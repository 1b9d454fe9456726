/** myStanding, step 2: the board's latest snapshot, for the caller's rank and neighbours when it holds them. */
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryMyStandingArgs } from '@leaderboard/core/generated/schema';
import { parseSnapshot, snapshotKey } from '@leaderboard/core/items/snapshot';
import { decodedOrInternalFailure, endOnDataSourceError } from '../lib/errors.ts';
import { keyValues } from '../lib/keys.ts';
import type { StandingStash } from '../lib/standing.ts';

export function request(ctx: Context<QueryMyStandingArgs, StandingStash>): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: keyValues(snapshotKey(ctx.stash.boardId)) };
}

export function response(ctx: Context<QueryMyStandingArgs, StandingStash>): unknown {
  endOnDataSourceError(ctx.error);
  if (!ctx.result) {
    ctx.stash.snapshot = null;
    return null;
  }
  const snapshot = decodedOrInternalFailure(parseSnapshot(ctx.result));
  ctx.stash.snapshot = { version: snapshot.version, asOf: snapshot.asOf, entries: snapshot.entries };
  return ctx.stash.snapshot;
}
