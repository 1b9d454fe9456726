/** What the IAM policy evaluator throws; callers tell them apart by class. */

/** A policy document IAM would not accept, or a principal ARN that names no account. */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
}

/** The simulator could not evaluate a request (its message is for logs, never for a client). */
export class PolicyEvaluationError extends Error {
  override readonly name = 'PolicyEvaluationError';
}

/** Why a SigV4 signature was refused; the message is AWS's own wording for that reason. */
export type SignatureRefusalReason = 'missing' | 'incomplete' | 'unknown-key' | 'invalid';

export class SignatureRefusal extends Error {
  override readonly name = 'SignatureRefusal';
  constructor(
    readonly reason: SignatureRefusalReason,
    message: string,
  ) {
    super(message);
  }
}
