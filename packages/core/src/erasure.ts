/**
 * The contract between `eraseUser`'s resolver and the `eraser` Lambda: one call's question and
 * answer. The token carries where the erasure has got to; only admins reach the Lambda, and it
 * checks the token names the same user before going on.
 */
export interface ErasureQuestion {
  readonly userId: string;
  readonly reason: string;
  /** The admin's user id, for the audit trail. */
  readonly admin: string;
  /** From the previous call's answer; null to start. */
  readonly nextToken: string | null;
}

export interface ErasureProgress {
  readonly erasureId: string;
  readonly done: boolean;
  readonly nextToken: string | null;
  readonly itemsDeleted: number;
  readonly boardsChanged: number;
}

export interface ErasureAnswer {
  /** Why the question was refused (a token of another erasure or user); null otherwise. */
  readonly refused: string | null;
  readonly erasure: ErasureProgress | null;
}
