import { describe, expect, it } from 'vitest';
import {
  recordProblemOf,
  signInAgainMessage,
  unknownFailureMessage,
} from '../../../src/employee/model/record-problem.ts';

const formFields = ['type', 'quantity', 'programId', 'occurredAt'];

describe('recordProblemOf', () => {
  it('puts each validation message next to the field it names', () => {
    const message = 'quantity 500 is more than the 300 minutes one running activity may record.';
    expect(
      recordProblemOf(
        {
          message,
          errorTypes: ['ValidationError'],
          fieldErrors: [{ field: 'quantity', errorType: 'ValidationError', message }],
        },
        formFields,
      ),
    ).toEqual({ fields: { quantity: message }, form: undefined, signInAgain: false });
  });

  it('says above the button what no field of the form explains', () => {
    const message = 'Too many activities this minute.';
    expect(recordProblemOf({ message, errorTypes: ['RateLimited'] }, formFields).form).toBe(message);
    const unknownField = recordProblemOf(
      {
        message: 'Unknown input field.',
        errorTypes: ['ValidationError'],
        fieldErrors: [{ field: 'userId', errorType: 'ValidationError', message: 'Unknown input field.' }],
      },
      formFields,
    );
    expect(unknownField).toEqual({ fields: {}, form: 'Unknown input field.', signInAgain: false });
  });

  it('never shows the text of an internal or unexpected failure', () => {
    for (const failure of [
      { message: 'An internal failure occurred.', errorTypes: ['InternalFailure'] },
      { message: 'TypeError: x is undefined at /var/task/index.js:12', errorTypes: [] },
      { message: 'Failed to fetch' },
    ]) {
      expect(recordProblemOf(failure, formFields)).toEqual({
        fields: {},
        form: unknownFailureMessage,
        signInAgain: false,
      });
    }
  });

  it('asks to sign in again when the token is refused', () => {
    for (const failure of [
      { message: 'no', status: 401 },
      { message: 'no', errorTypes: ['UnauthorizedException'] },
      { message: 'This operation needs a signed-in user.', errorTypes: ['Unauthorized'] },
    ]) {
      expect(recordProblemOf(failure, formFields)).toEqual({
        fields: {},
        form: signInAgainMessage,
        signInAgain: true,
      });
    }
  });
});
