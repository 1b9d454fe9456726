/** What `disqualifyUser` and `reinstateUser` share: their input, read the same way, and their answer. */
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { apiEnvironmentKeys } from '@leaderboard/core/api';
import { errorTypes } from '@leaderboard/core/errors';
import { auditActions } from '@leaderboard/core/items/audit-record';
import type { Caller } from '@leaderboard/core/items/caller-context';
import type {
  DisqualificationInput,
  Disqualification as DisqualificationView,
} from '@leaderboard/core/generated/schema';
import { requireUserBoardId } from './board.ts';
import { endWithInternalFailure } from './errors.ts';
import { auditItems, auditRecord, requireReason, requireUserId, type TransactItem } from './operators.ts';
import { transactionCancellation } from './cancellation.ts';

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
  requireUserId(input.userId);
  return {
    userId: input.userId,
    boardId: input.boardId ? requireUserBoardId(input.boardId) : null,
    reason: requireReason(input.reason),
  };
}

/** What either field changes: the disqualification's own item, written in the transaction first. */
export interface DisqualificationChange {
  readonly admin: Caller;
  readonly input: DisqualificationRequest;
  readonly disqualified: boolean;
  /** ISO 8601 UTC: when the change is made. */
  readonly at: string;
  /** On the Scores table (`scoresTableOf`). */
  readonly item: TransactItem;
}

/** The Scores table's name, as AppSync's environment gives it. */
export const scoresTableOf = (ctx: Context<unknown, DisqualificationStash>): string =>
  ctx.env[apiEnvironmentKeys.scoresTable] as string;

/** The transaction of either field: the change, then the action kept in the audit trail. */
export function disqualificationRequest(
  ctx: Context<unknown, DisqualificationStash>,
  change: DisqualificationChange,
): DynamoDBTransactWriteItemsRequest {
  const { admin, input, disqualified, at } = change;
  const table = scoresTableOf(ctx);
  ctx.stash.view = { ...input, disqualified, by: admin.userId, at };
  const audit = auditRecord({
    action: disqualified ? auditActions.disqualifyUser : auditActions.reinstateUser,
    actor: admin.userId,
    reason: input.reason,
    subjectUserId: input.userId,
    target: input.boardId,
    details: {},
  });
  return {
    operation: 'TransactWriteItems',
    transactItems: [change.item, ...auditItems(table, audit)],
  };
}

/** The answer, or the error: `refusal` when the condition on the disqualification failed. */
export function disqualificationResponse(
  ctx: Context<unknown, DisqualificationStash>,
  refusal: string,
): DisqualificationView {
  if (!ctx.error) return ctx.stash.view;
  const cancellation = transactionCancellation(ctx.result);
  if (cancellation.conditionFailedAt(0)) {
    util.error(refusal, errorTypes.validation, null, { field: 'userId' });
  }
  if (cancellation.conflicted) {
    util.error(
      'Another admin changed this disqualification at the same moment; try again.',
      errorTypes.conflict,
    );
  }
  return endWithInternalFailure(ctx.error);
}
