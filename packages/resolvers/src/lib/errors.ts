import { util } from '@aws-appsync/utils';
import type { DomainError } from '@leaderboard/core/errors';
import { errorTypes } from '@leaderboard/core/errors';

/** Ends the field with a domain error; `errorInfo.field` names the input at fault. */
export function endWith(error: DomainError): never {
  return util.error(error.message, error.errorType, null, error.field ? { field: error.field } : null);
}

/** Ends the field when a data source call failed for a reason the resolver does not handle. */
export function endOnDataSourceError(error: { message: string; type: string } | undefined): void {
  if (error) util.error(error.message, error.type || errorTypes.internal);
}
