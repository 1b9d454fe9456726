/**
 * The pre-sign-up trigger's decision on one new account. Cognito shows a trigger's error
 * message to the person signing up ("PreSignUp failed with error <message>."), so every
 * refusal is a SignUpRefusedError whose message is written for them and names nothing internal.
 */
import { displayNameProblem, emailDomainOf, isEmailDomainAllowed } from '@leaderboard/core/sign-up';

export class SignUpRefusedError extends Error {
  override readonly name = 'SignUpRefusedError';
}

export class SignUpConfigError extends Error {
  override readonly name = 'SignUpConfigError';
}

/** How the account is being created: Cognito's `triggerSource` of the pre-sign-up event. */
export type AccountSource = 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';

export interface SignUpPolicy {
  /**
   * E-mail domains whose people may sign themselves up, and to which first sign-ins through a
   * federated identity provider are held. Empty: self sign-up is closed (admins create accounts)
   * and any address the identity provider vouches for is accepted.
   */
  readonly allowedEmailDomains: readonly string[];
}

export interface NewAccount {
  readonly source: AccountSource;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}

/** The policy from the trigger's environment: `ALLOWED_EMAIL_DOMAINS`, comma-separated. */
export function signUpPolicyFromEnvironment(environment: NodeJS.ProcessEnv): SignUpPolicy {
  const allowedEmailDomains = (environment['ALLOWED_EMAIL_DOMAINS'] ?? '')
    .split(',')
    .map((domain) => domain.trim())
    .filter((domain) => domain.length > 0);
  const malformed = allowedEmailDomains.filter((domain) => emailDomainOf(`x@${domain}`) === null);
  if (malformed.length > 0) {
    throw new SignUpConfigError(
      `ALLOWED_EMAIL_DOMAINS holds names that are not domains: ${malformed.join(', ')}`,
    );
  }
  return { allowedEmailDomains };
}

function checkDisplayName(account: NewAccount): void {
  const name = account.attributes['name'];
  const fromDirectory = account.source === 'PreSignUp_ExternalProvider';
  if (name === undefined || name.length === 0) {
    throw new SignUpRefusedError(
      fromDirectory
        ? 'Your company directory gave no name for you; ask your IT team to fill it in.'
        : 'A display name is required.',
    );
  }
  const problem = displayNameProblem(name);
  if (problem !== null) {
    throw new SignUpRefusedError(
      fromDirectory
        ? `The name your company directory gives for you ${problem}; ask your IT team or a leaderboard admin.`
        : `The display name ${problem}.`,
    );
  }
}

function checkEmailDomain(account: NewAccount, policy: SignUpPolicy): void {
  const email = account.attributes['email'] ?? '';
  if (account.source === 'PreSignUp_SignUp') {
    if (policy.allowedEmailDomains.length === 0) {
      throw new SignUpRefusedError('Sign-up is closed: ask a leaderboard admin for an account.');
    }
    if (!isEmailDomainAllowed(email, policy.allowedEmailDomains)) {
      throw new SignUpRefusedError('Sign-up is open to company e-mail addresses only.');
    }
  }
  if (
    account.source === 'PreSignUp_ExternalProvider' &&
    policy.allowedEmailDomains.length > 0 &&
    !isEmailDomainAllowed(email, policy.allowedEmailDomains)
  ) {
    throw new SignUpRefusedError('This sign-in is open to company e-mail addresses only.');
  }
}

/**
 * Refuses an account the policy does not admit. Admins may create an account at any address (a
 * contractor's, say); self sign-up needs an allowed domain; a first federated sign-in needs one
 * when domains are configured (a Google identity provider vouches for any Google account).
 * Every account needs a display name that passes the rule, however it is created.
 */
export function checkNewAccount(account: NewAccount, policy: SignUpPolicy): void {
  checkEmailDomain(account, policy);
  checkDisplayName(account);
}
