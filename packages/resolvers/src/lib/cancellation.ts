/** Why DynamoDB cancelled a TransactWriteItems, item by item, as AppSync hands it to the response. */

export interface TransactionCancellation {
  /** Whether the condition of the item at `index` failed. */
  readonly conditionFailedAt: (index: number) => boolean;
  /** Whether the condition of an item at `start` or after it failed. */
  readonly conditionFailedFrom: (start: number) => boolean;
  /** Whether another transaction held one of the items: retrying may succeed. */
  readonly conflicted: boolean;
}

interface CancellationReason {
  readonly type: string;
}

export function transactionCancellation(result: unknown): TransactionCancellation {
  const cancelled = result as { cancellationReasons?: CancellationReason[] | null } | null;
  const reasons = cancelled && cancelled.cancellationReasons ? cancelled.cancellationReasons : [];
  return {
    conditionFailedAt: (index) => {
      const reason = reasons[index];
      return reason !== undefined && reason.type === 'ConditionalCheckFailed';
    },
    conditionFailedFrom: (start) =>
      reasons.some((reason, index) => index >= start && reason.type === 'ConditionalCheckFailed'),
    conflicted: reasons.some((reason) => reason.type === 'TransactionConflict'),
  };
}
