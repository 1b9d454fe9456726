/**
 * Errors the server answers with, in AppSync's response shape:
 * `{ errors: [{ errorType, message }] }` for requests refused before execution, and
 * `{ message, errorType, errorInfo, data, path, locations }` entries for field errors.
 */

export interface GraphQLErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly sourceName: null;
}

/** One entry of a response's `errors`. */
export interface AppSyncResponseError {
  readonly message: string;
  readonly errorType?: string | null;
  readonly errorInfo?: unknown;
  readonly data?: unknown;
  readonly path?: readonly (string | number)[] | null;
  readonly locations?: readonly GraphQLErrorLocation[] | null;
}

/** What a client learns of a failure inside the server; the cause goes to the server's log. */
export const internalFailure = {
  errorType: 'InternalFailure',
  message: 'An internal failure occurred.',
} as const satisfies AppSyncResponseError;

/** A whole request refused (authentication, malformed body, limits), with its HTTP status. */
export class RequestRefusedError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }

  toResponseError(): AppSyncResponseError {
    return { errorType: this.errorType, message: this.message };
  }
}

/** No usable credentials for any enabled mode. */
export class MissingAuthorizationError extends RequestRefusedError {
  constructor() {
    super(401, 'UnauthorizedException', 'Valid authorization header not provided.');
  }
}

/** Credentials present but refused: unknown or expired API key, authorizer denial, bad token. */
export class NotAuthorizedError extends RequestRefusedError {
  constructor() {
    super(401, 'UnauthorizedException', 'You are not authorized to make this call.');
  }
}

/** SigV4 signature that does not verify. */
export class InvalidSignatureError extends RequestRefusedError {
  constructor(detail?: string) {
    super(
      403,
      'InvalidSignatureException',
      detail ??
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
}

/** SigV4 access key that no configured credential has. */
export class UnrecognizedClientError extends RequestRefusedError {
  constructor() {
    super(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
}

/** A request body that is not a GraphQL request. */
export class MalformedRequestError extends RequestRefusedError {
  constructor(message: string) {
    super(400, 'MalformedHttpRequestException', message);
  }
}

/** The field-level refusal AppSync reports for a field the caller's mode may not read. */
export const notAuthorizedToAccess = (fieldName: string, typeName: string): string =>
  `Not Authorized to access ${fieldName} on type ${typeName}`;

/**
 * An operation refused before any resolver runs, answered with HTTP 200 and
 * `{ data: null, errors: [...] }` as AppSync answers a document it will not execute.
 */
export class OperationRefusedError extends Error {
  override readonly name: string = 'OperationRefusedError';
  constructor(
    readonly errorType: string | null,
    message: string,
  ) {
    super(message);
  }

  toResponseError(): AppSyncResponseError {
    return {
      path: null,
      locations: null,
      ...(this.errorType === null ? {} : { errorType: this.errorType }),
      message: this.message,
    };
  }
}

// AWS documents that an operation over queryDepthLimit or resolverCountLimit ends with a limit
// error, but not the error's wording: the two errorTypes and messages below are this runtime's,
// not AppSync's literal text.

/** Fields nest deeper than the API's `queryDepthLimit`. */
export class QueryDepthLimitError extends OperationRefusedError {
  override readonly name = 'QueryDepthLimitError';
  constructor(limit: number) {
    super('QueryDepthLimitExceeded', `The query is nested deeper than the API's limit of ${limit} levels.`);
  }
}

/** The operation selects more resolvers than the API's `resolverCountLimit`. */
export class ResolverCountLimitError extends OperationRefusedError {
  override readonly name = 'ResolverCountLimitError';
  constructor(limit: number) {
    super(
      'ResolverCountLimitExceeded',
      `The query invokes more resolvers than the API's limit of ${limit} per request.`,
    );
  }
}

/** Braces, brackets or fragment spreads nest deeper than the runtime parses and runs safely. */
export class DocumentNestingError extends OperationRefusedError {
  override readonly name = 'DocumentNestingError';
  constructor(maxNesting: number) {
    super(null, `Syntax Error: Document is nested more than ${maxNesting} levels deep. Parsing aborted.`);
  }
}
