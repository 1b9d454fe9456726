/**
 * What one resolver invocation accumulates while its handlers run: errors from `util.error`
 * and `util.appendError`, an early return, subscription extensions and response headers.
 * Host-side utilities write here; the engine reads it after each handler.
 */
import type { AppSyncError, AppSyncIdentity, AppSyncInfo } from './types.ts';

export type SkipTo = 'END' | 'NEXT';

export type HandlerHalt =
  | { readonly kind: 'error'; readonly error: AppSyncError }
  | { readonly kind: 'earlyReturn'; readonly value: unknown; readonly skipTo: SkipTo | undefined };

export interface InvocationScope {
  readonly identity: AppSyncIdentity;
  readonly info: AppSyncInfo;
  readonly appendedErrors: AppSyncError[];
  halt: HandlerHalt | undefined;
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  readonly invalidations: unknown[];
  readonly responseHeaders: Record<string, string>;
}

export function createInvocationScope(identity: AppSyncIdentity, info: AppSyncInfo): InvocationScope {
  return { identity, info, appendedErrors: [], halt: undefined, invalidations: [], responseHeaders: {} };
}

/**
 * Thrown by a host utility (`util.error`, `runtime.earlyReturn`, ...) to end the running
 * handler. It never reaches resolver code: the sandbox bridge turns it into its own signal.
 */
export class HandlerHaltSignal extends Error {
  override readonly name = 'HandlerHaltSignal';
  constructor(readonly halt: HandlerHalt) {
    super('handler halted');
  }
}
