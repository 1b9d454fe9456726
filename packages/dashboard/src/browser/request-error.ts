/**
 * What a failed query or subscription says, flattened from Apollo's error classes and the
 * subscription link's `{errors: [...]}` objects into text, AppSync error types and a status.
 */
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface RequestFailure {
  readonly message: string;
  readonly errorTypes?: readonly string[];
  readonly status?: number;
  /** Each error that names the input field at fault (AppSync's `errorInfo.field`), with its type. */
  readonly fieldErrors?: readonly FieldError[];
}

export interface FieldError {
  readonly field: string;
  readonly errorType: string;
  readonly message: string;
}

interface ErrorLike {
  readonly message?: unknown;
  readonly errorType?: unknown;
  readonly errorInfo?: unknown;
}

function fieldErrorOf(entry: ErrorLike): FieldError[] {
  const info = entry.errorInfo as { field?: unknown } | null | undefined;
  if (typeof info?.field !== 'string' || typeof entry.errorType !== 'string') return [];
  return [{ field: info.field, errorType: entry.errorType, message: String(entry.message ?? '') }];
}

const describeEntries = (entries: readonly ErrorLike[]): RequestFailure => ({
  message: entries.map((entry) => String(entry.message ?? 'unknown error')).join('; '),
  errorTypes: entries.flatMap((entry) => (typeof entry.errorType === 'string' ? [entry.errorType] : [])),
  fieldErrors: entries.flatMap(fieldErrorOf),
});

export function describeRequestError(error: unknown): RequestFailure {
  if (CombinedGraphQLErrors.is(error)) return describeEntries(error.errors as readonly ErrorLike[]);
  if (ServerError.is(error)) {
    let entries: ErrorLike[] = [];
    try {
      const body = JSON.parse(error.bodyText) as { errors?: ErrorLike[] };
      entries = body.errors ?? [];
    } catch {
      // A body that is not JSON (a proxy's error page) says nothing more than the status.
    }
    const described = entries.length > 0 ? describeEntries(entries) : { message: error.message };
    return { ...described, status: error.statusCode };
  }
  if (typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors)) {
    return describeEntries((error as { errors: ErrorLike[] }).errors);
  }
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}
