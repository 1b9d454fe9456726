/**
 * The error types the API returns (`errors[].errorType`). Resolvers end with
 * `util.error(message, errorType)`; APPSYNC_JS has no classes or `throw`, so validation
 * returns these as values instead of raising error classes.
 */
export const errorTypes = {
  validation: 'ValidationError',
  rateLimited: 'RateLimited',
  unauthorized: 'Unauthorized',
  notFound: 'NotFound',
  /** A concurrent write (the same day's allowance, or a transaction on the same items) got in first; retrying with the same idempotency key is safe. */
  conflict: 'ConcurrentModification',
  /** Anything else: the client learns nothing of the cause (a DynamoDB message names tables and keys). */
  internal: 'InternalFailure',
} as const;

/** The message of every `InternalFailure`, the same as the API answers for its own failures. */
export const internalFailureMessage = 'An internal failure occurred.';

export type ErrorType = (typeof errorTypes)[keyof typeof errorTypes];

export interface DomainError {
  readonly errorType: ErrorType;
  readonly message: string;
  /** The input field at fault, when there is one. */
  readonly field?: string;
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const fail = <T>(errorType: ErrorType, message: string, field?: string): Outcome<T> => ({
  ok: false,
  error: field === undefined ? { errorType, message } : { errorType, message, field },
});

/** An error about the input at `index` of a list argument (`inputs`): the message and field name it. */
export function errorOfInput(index: number, error: DomainError): DomainError {
  const input = `inputs[${index}]`;
  return {
    errorType: error.errorType,
    message: `${input}: ${error.message}`,
    field: error.field ? `${input}.${error.field}` : input,
  };
}

/**
 * A stored item (or the caller context) that its codec cannot read: a missing or mistyped
 * attribute, a key that does not match the attributes, another kind. Raised by the Lambdas'
 * `decode*` functions (`items/decode.ts`); resolvers, which cannot throw, read with `parse*`.
 */
export class MalformedItemError extends Error {
  override readonly name = 'MalformedItemError';
}
