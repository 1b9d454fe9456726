/**
 * The `eraser` Lambda data source's handler: reads the question `eraseUser`'s resolver sends
 * (only an admin's call gets that far) and erases one batch.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ErasureAnswer, ErasureQuestion } from '@leaderboard/core/erasure';
import { eraseUserBatch, type EraserDependencies } from './erase-user.ts';
import { OperationError } from './errors.ts';

/** The resolver sent something that is not an erasure question: a bug on the resolver's side. */
export class ErasureQuestionError extends OperationError {
  override readonly name = 'ErasureQuestionError';
}

export type EraserHandler = (event: unknown) => Promise<ErasureAnswer>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function parseErasureQuestion(event: unknown): ErasureQuestion {
  const fields = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const { userId, reason, admin, nextToken } = fields;
  if (!isText(userId) || !isText(reason) || !isText(admin) || !(nextToken === null || isText(nextToken)))
    throw new ErasureQuestionError('not an erasure question: userId, reason, admin and nextToken expected');
  return { userId, reason, admin, nextToken };
}

export function createEraserHandler(deps: EraserDependencies & { readonly logger: Logger }): EraserHandler {
  return async (event) => {
    const answer = await eraseUserBatch(deps, parseErasureQuestion(event));
    // The erasure's id only: logs outlive the user's data.
    deps.logger.info('erasure batch', {
      erasureId: answer.erasure?.erasureId,
      done: answer.erasure?.done,
      itemsDeleted: answer.erasure?.itemsDeleted,
      refused: answer.refused !== null,
    });
    return answer;
  };
}
