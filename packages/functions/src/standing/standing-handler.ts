/**
 * The `standing` Lambda data source's handler: reads the question the myStanding resolver sends
 * (the caller's total, as it read it) and answers with the live rank and neighbours.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { isTeamBoardId, parseBoardId } from '@leaderboard/core/boards';
import { isUtcTimestamp } from '@leaderboard/core/items/timestamp';
import {
  readLiveStanding,
  type LiveStanding,
  type StandingQuestion,
  type StandingSource,
} from './read-standing.ts';

/** The resolver sent something that is not a standing question: a bug on the resolver's side, not the caller's. */
export class StandingQuestionError extends Error {
  override readonly name = 'StandingQuestionError';
}

export interface StandingHandlerDependencies extends StandingSource {
  readonly maxAround: number;
  readonly logger: Logger;
}

export type StandingHandler = (event: unknown) => Promise<LiveStanding>;

const isWhole = (value: unknown, minimum: number, maximum: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum && value <= maximum;

export function parseStandingQuestion(event: unknown, maxAround: number): StandingQuestion {
  const fields = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const { boardId, userId, score, reachedAt, around } = fields;
  if (typeof boardId !== 'string' || !parseBoardId(boardId).ok || isTeamBoardId(boardId))
    throw new StandingQuestionError('boardId is not a user board id');
  if (typeof userId !== 'string' || userId.length === 0) throw new StandingQuestionError('userId is missing');
  if (!isWhole(score, 0, Number.MAX_SAFE_INTEGER))
    throw new StandingQuestionError('score is not a whole number');
  if (typeof reachedAt !== 'string' || !isUtcTimestamp(reachedAt))
    throw new StandingQuestionError('reachedAt is not an ISO 8601 UTC timestamp');
  if (!isWhole(around, 0, maxAround)) throw new StandingQuestionError(`around is not 0 to ${maxAround}`);
  return { boardId, userId, score, reachedAt, around };
}

export function createStandingHandler(deps: StandingHandlerDependencies): StandingHandler {
  return async (event) => {
    const question = parseStandingQuestion(event, deps.maxAround);
    const standing = await readLiveStanding(deps, question);
    deps.logger.info('live standing read', {
      boardId: question.boardId,
      exact: standing.exact,
      itemsRead: standing.itemsRead,
    });
    return standing;
  };
}
