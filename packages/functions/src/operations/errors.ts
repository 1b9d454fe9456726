/** What the operators' tools raise; callers tell them apart by class. */
export class OperationError extends Error {
  override readonly name: string = 'OperationError';
}

/** The worker or another recomputation kept moving a user's aggregates during every attempt. */
export class UserAggregatesContentionError extends OperationError {
  override readonly name = 'UserAggregatesContentionError';
}

/** An `eraseUser` token that this erasure did not hand out (another user's, or altered). */
export class ErasureTokenError extends OperationError {
  override readonly name = 'ErasureTokenError';
}

/** Another runner advanced the replay run first (two invocations of one run). */
export class ReplayRunMovedError extends OperationError {
  override readonly name = 'ReplayRunMovedError';
}

/** A replay run that does not exist or is finished cannot be continued. */
export class ReplayRunNotFoundError extends OperationError {
  override readonly name = 'ReplayRunNotFoundError';
}
