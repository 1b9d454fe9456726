/**
 * What the record form says when the API refuses an activity: each validation message next to
 * the field it names, anything else once above the button. Only messages the API writes for
 * people are shown as they are; any other failure (a network fault, an internal error) gets a
 * plain sentence, so no internal text reaches the screen.
 */
import { errorTypes } from '@leaderboard/core/errors';

export interface RefusalDetails {
  readonly message: string;
  readonly errorTypes?: readonly string[];
  readonly status?: number;
  readonly fieldErrors?: ReadonlyArray<{
    readonly field: string;
    readonly errorType: string;
    readonly message: string;
  }>;
}

export interface RecordProblem {
  /** Message per form field (`type`, `quantity`, `programId`, `occurredAt`). */
  readonly fields: Readonly<Record<string, string>>;
  /** Shown above the button: what no field explains. */
  readonly form: string | undefined;
  /** The API no longer accepts the user's token. */
  readonly signInAgain: boolean;
}

/** Error types whose messages the API writes for the person who sent the request. */
const peopleFacingTypes: readonly string[] = [
  errorTypes.validation,
  errorTypes.rateLimited,
  errorTypes.conflict,
  errorTypes.notFound,
];

export const unknownFailureMessage =
  'The activity could not be recorded. Check your connection and try again.';
export const signInAgainMessage = 'Your sign-in has ended. Sign in again to record activities.';

const isUnauthorized = (details: RefusalDetails): boolean =>
  details.status === 401 ||
  details.status === 403 ||
  (details.errorTypes ?? []).some(
    (type) => type === errorTypes.unauthorized || type === 'UnauthorizedException',
  );

export function recordProblemOf(details: RefusalDetails, formFields: readonly string[]): RecordProblem {
  if (isUnauthorized(details)) return { fields: {}, form: signInAgainMessage, signInAgain: true };
  const fields: Record<string, string> = {};
  for (const error of details.fieldErrors ?? []) {
    if (
      formFields.includes(error.field) &&
      error.errorType === errorTypes.validation &&
      !fields[error.field]
    ) {
      fields[error.field] = error.message;
    }
  }
  if (Object.keys(fields).length > 0) return { fields, form: undefined, signInAgain: false };
  const shownType = (details.errorTypes ?? []).find((type) => peopleFacingTypes.includes(type));
  return { fields, form: shownType ? details.message : unknownFailureMessage, signInAgain: false };
}
