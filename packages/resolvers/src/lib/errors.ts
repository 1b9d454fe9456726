import { util } from '@aws-appsync/utils';
import type { DomainError } from '@leaderboard/core/errors';
import { errorTypes, internalFailureMessage } from '@leaderboard/core/errors';
import type { Decoded } from '@leaderboard/core/items/item';

/** Ends the field with a domain error; `errorInfo.field` names the input at fault. */
export function endWith(error: DomainError): never {
  return util.error(error.message, error.errorType, null, error.field ? { field: error.field } : null);
}

/**
 * Ends the field when a data source call failed for a reason the resolver does not handle. AppSync
 * hands the resolver DynamoDB's own error (its message names tables, keys and limits): the
 * client gets the generic InternalFailure, and the full error goes to the resolver's log
 * (CloudWatch on AppSync, the engine's log locally).
 */
export function endOnDataSourceError(error: { message: string; type: string } | undefined): void {
  if (error) endWithInternalFailure(error);
}

export function endWithInternalFailure(error: { message: string; type: string }): never {
  console.error('Data source error', error.type, error.message);
  return util.error(internalFailureMessage, errorTypes.internal);
}

/** A stored item its codec cannot read ends the field as InternalFailure; what is wrong goes to the resolver's log. */
export function decodedOrInternalFailure<T>(decoded: Decoded<T>): T {
  if (decoded.ok) return decoded.value;
  console.error('Malformed item', decoded.problem);
  return util.error(internalFailureMessage, errorTypes.internal);
}
