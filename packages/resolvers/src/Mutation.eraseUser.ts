/**
 * Erases a user, one bounded batch per call (admins only): the `eraser` Lambda deletes what it can
 * in its time and answers with a `nextToken` to go on (see `api.ts` for why a Lambda). Only an
 * admin's call reaches it; the caller's id travels with the batch for the audit trail.
 */
import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { errorTypes } from '@leaderboard/core/errors';
import type { Erasure, MutationEraseUserArgs } from '@leaderboard/core/generated/schema';
import type { ErasureAnswer, ErasureQuestion } from '@leaderboard/core/erasure';
import { requireAdmin } from './lib/caller.ts';
import { endOnDataSourceError } from './lib/errors.ts';
import { requireReason, requireUserId } from './lib/operators.ts';

export function request(ctx: Context<MutationEraseUserArgs>): LambdaRequest {
  const admin = requireAdmin(ctx);
  const input = ctx.args.input;
  requireUserId(input.userId);
  const question: ErasureQuestion = {
    userId: input.userId,
    reason: requireReason(input.reason),
    admin: admin.userId,
    nextToken: input.nextToken ?? null,
  };
  return { operation: 'Invoke', payload: question };
}

export function response(ctx: Context<MutationEraseUserArgs>): Erasure {
  endOnDataSourceError(ctx.error);
  const answer = ctx.result as ErasureAnswer;
  if (answer.refused !== null) {
    util.error(answer.refused, errorTypes.validation, null, { field: 'nextToken' });
  }
  return answer.erasure!;
}
