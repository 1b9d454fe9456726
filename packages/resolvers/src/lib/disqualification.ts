/** What `disqualifyUser` and `reinstateUser` share: their input, read the same way, and their answer. */
import { util, type Context } from '@aws-appsync/utils';
import { serviceConfig } from '@leaderboard/core/config';
import { errorTypes } from '@leaderboard/core/errors';
import type {
  DisqualificationInput,
  Disqualification as DisqualificationView,
} from '@leaderboard/core/generated/schema';
import { isUsableUserId } from '@leaderboard/core/identifiers';
import { requireUserBoardId } from './board.ts';
import { endWithInternalFailure } from './errors.ts';
import { requireReason } from './operators.ts';

export interface DisqualificationStash {
  /** What the field answers once the transaction succeeded. */
  view: DisqualificationView;
}

export interface DisqualificationRequest {
  readonly userId: string;
  /** Null for every board. */
  readonly boardId: string | null;
  readonly reason: string;
}

export function requireDisqualificationInput(input: DisqualificationInput): DisqualificationRequest {
  if (!isUsableUserId(input.userId, serviceConfig.maxStringLength)) {
    util.error(
      `userId must be 1 to ${serviceConfig.maxStringLength} characters without '#'.`,
      errorTypes.validation,
      null,
      {
        field: 'userId',
      },
    );
  }
  return {
    userId: input.userId,
    boardId: input.boardId ? requireUserBoardId(input.boardId) : null,
    reason: requireReason(input.reason),
  };
}

/** The answer, or the error: `refusal` when the condition on the disqualification failed. */
export function disqualificationResponse(
  ctx: Context<unknown, DisqualificationStash>,
  refusal: string,
): DisqualificationView {
  if (!ctx.error) return ctx.stash.view;
  const result = ctx.result as { cancellationReasons?: Array<{ type: string }> | null } | null;
  const reasons = result && result.cancellationReasons ? result.cancellationReasons : [];
  const first = reasons[0];
  if (first !== undefined && first.type === 'ConditionalCheckFailed') {
    util.error(refusal, errorTypes.validation, null, { field: 'userId' });
  }
  if (reasons.some((reason) => reason.type === 'TransactionConflict')) {
    util.error(
      'Another admin changed this disqualification at the same moment; try again.',
      errorTypes.conflict,
    );
  }
  return endWithInternalFailure(ctx.error);
}
