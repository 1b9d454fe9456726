/**
 * graphql-js's errors and resolvers' errors as the entries of a response's `errors`, worded and
 * shaped as AppSync answers them.
 */
import { type FieldNode, GraphQLError, type ResponsePath, responsePathAsArray } from 'graphql';
import type { AppSyncError } from '../engine/types.ts';
import { type AppSyncResponseError, type GraphQLErrorLocation, internalFailure } from './errors.ts';
import { InvalidScalarValueError } from './scalars.ts';

/** An error a field ended with, carrying AppSync's `errorType`, `data` and `errorInfo`. */
export class AppSyncFieldError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'AppSyncFieldError';
  }

  static from(error: AppSyncError): AppSyncFieldError {
    return new AppSyncFieldError(
      error.message,
      error.errorType ?? null,
      error.data ?? null,
      error.errorInfo ?? null,
    );
  }
}

const toLocations = (error: GraphQLError): GraphQLErrorLocation[] | null =>
  error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null;

/** graphql-js messages rephrased where AppSync words the same failure differently. */
function appSyncMessage(error: GraphQLError): string {
  if (error.originalError instanceof InvalidScalarValueError) {
    const variable = /^Variable "\$(\w+)" got invalid value/.exec(error.message);
    if (variable) return `Variable '${variable[1]}' has an invalid value. ${error.originalError.message}`;
  }
  return error.message;
}

/** AppSync (graphql-java) words the commonest validation failure its own way; others keep graphql-js's text. */
function validationMessage(error: GraphQLError): string {
  const undefinedField = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (undefinedField) {
    const [, field, type] = undefinedField;
    return `Validation error of type FieldUndefined: Field '${field}' in type '${type}' is undefined @ '${field}'`;
  }
  return `Validation error: ${error.message}`;
}

export function graphQLResponseError(error: GraphQLError): AppSyncResponseError {
  const original = error.originalError;
  if (original instanceof AppSyncFieldError) {
    return {
      path: error.path ?? null,
      data: original.data,
      errorType: original.errorType,
      errorInfo: original.errorInfo,
      locations: toLocations(error),
      message: original.message,
    };
  }
  return { path: error.path ?? null, locations: toLocations(error), message: appSyncMessage(error) };
}

export function validationResponseError(error: GraphQLError): AppSyncResponseError {
  return { path: null, locations: toLocations(error), message: validationMessage(error) };
}

/** A field's error; anything thrown that is neither GraphQL's nor a resolver's is the server's own failure. */
export function fieldResponseError(
  error: GraphQLError,
  onInternalFailure: (error: unknown) => void,
): AppSyncResponseError {
  const original = error.originalError;
  if (
    original === undefined ||
    original instanceof GraphQLError ||
    original instanceof AppSyncFieldError ||
    original instanceof InvalidScalarValueError
  )
    return graphQLResponseError(error);
  onInternalFailure(original);
  return { path: error.path ?? null, locations: toLocations(error), ...internalFailure };
}

/** A resolver's errors carry no locations of their own, so they take where the field's nodes start. */
export function resolverErrorShaper(
  fieldNodes: readonly FieldNode[],
  path: ResponsePath,
): (error: AppSyncError) => AppSyncResponseError {
  const locations = fieldNodes
    .map((node) => node.loc?.startToken)
    .flatMap((token) => (token ? [{ line: token.line, column: token.column, sourceName: null }] : []));
  return (error) => ({
    path: responsePathAsArray(path),
    data: error.data ?? null,
    errorType: error.errorType ?? null,
    errorInfo: error.errorInfo ?? null,
    locations,
    message: error.message,
  });
}
