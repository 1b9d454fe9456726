/** What one operation's field resolvers share while it runs, and what they leave for its response and log. */
import type { AuthorizedCaller } from './auth/modes.ts';
import type { AppSyncResponseError } from './errors.ts';

export interface ResolverTiming {
  readonly typeName: string;
  readonly fieldName: string;
  readonly durationMs: number;
  readonly errors: number;
}

/** Per-operation state shared by the field resolvers. */
export interface OperationContext {
  readonly caller: AuthorizedCaller;
  readonly headers: Readonly<Record<string, string>>;
  readonly domainName: string | null;
  /** Errors a resolver appended (`util.appendError`) alongside a value. */
  readonly appendedErrors: AppSyncResponseError[];
  readonly resolverTimings: ResolverTiming[];
  /** `extensions.invalidateSubscriptions(...)` calls of every resolver that ran. */
  readonly invalidations: unknown[];
}
