/** Lambda entry: the user pool's pre-sign-up trigger (see sign-up/new-account-rules.ts). */
import { Logger } from '@aws-lambda-powertools/logger';
import { emailDomainOf } from '@leaderboard/core/sign-up';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import {
  checkNewAccount,
  signUpPolicyFromEnvironment,
  SignUpRefusedError,
} from './sign-up/new-account-rules.ts';

const logger = new Logger({ serviceName: 'leaderboard-pre-sign-up' });
const policy = signUpPolicyFromEnvironment(process.env);

export async function handler(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  try {
    checkNewAccount({ source: event.triggerSource, attributes: event.request.userAttributes }, policy);
  } catch (error) {
    if (error instanceof SignUpRefusedError) {
      // The domain, never the address: the log is no place for who tried to sign up.
      logger.info('sign-up refused', {
        source: event.triggerSource,
        emailDomain: emailDomainOf(event.request.userAttributes['email'] ?? ''),
        reason: error.message,
      });
    }
    throw error;
  }
  return event;
}
