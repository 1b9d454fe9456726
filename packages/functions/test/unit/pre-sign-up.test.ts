/** The pre-sign-up trigger's rule, and its handler as Cognito invokes it. */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkNewAccount,
  signUpPolicyFromEnvironment,
  SignUpConfigError,
  SignUpRefusedError,
  type AccountSource,
} from '../../src/sign-up/new-account-rules.ts';

const companyOnly = { allowedEmailDomains: ['example.com', 'example.org'] };
const closed = { allowedEmailDomains: [] };
const account = (source: AccountSource, email: string, name?: string) => ({
  source,
  attributes: { email, ...(name === undefined ? {} : { name }) },
});

describe('self sign-up', () => {
  it('admits an address at an allowed domain with a usable display name', () => {
    expect(() =>
      checkNewAccount(account('PreSignUp_SignUp', 'ada@example.org', 'Ada Lovelace'), companyOnly),
    ).not.toThrow();
  });

  it('refuses an address at any other domain', () => {
    for (const email of ['ada@gmail.com', 'ada@mail.example.com', 'ada@example.com.evil.net', 'no-address']) {
      expect(() => checkNewAccount(account('PreSignUp_SignUp', email, 'Ada'), companyOnly), email).toThrow(
        new SignUpRefusedError('Sign-up is open to company e-mail addresses only.'),
      );
    }
  });

  it('refuses everyone when no domain is configured: sign-up is closed', () => {
    expect(() => checkNewAccount(account('PreSignUp_SignUp', 'ada@example.com', 'Ada'), closed)).toThrow(
      /Sign-up is closed/,
    );
  });

  it('refuses a missing or unusable display name', () => {
    expect(() => checkNewAccount(account('PreSignUp_SignUp', 'ada@example.com'), companyOnly)).toThrow(
      'A display name is required.',
    );
    expect(() =>
      checkNewAccount(account('PreSignUp_SignUp', 'ada@example.com', 'ada@example.com'), companyOnly),
    ).toThrow(/^The display name may hold letters/);
    expect(() =>
      checkNewAccount(account('PreSignUp_SignUp', 'ada@example.com', 'Admin'), companyOnly),
    ).toThrow('The display name is reserved.');
  });
});

describe('accounts admins create', () => {
  it('may be at any address, sign-up closed or not', () => {
    for (const policy of [closed, companyOnly]) {
      expect(() =>
        checkNewAccount(
          account('PreSignUp_AdminCreateUser', 'contractor@agency.net', 'Sam Contractor'),
          policy,
        ),
      ).not.toThrow();
    }
  });

  it('still need a display name that passes the rule', () => {
    expect(() => checkNewAccount(account('PreSignUp_AdminCreateUser', 'sam@example.com'), closed)).toThrow(
      SignUpRefusedError,
    );
    expect(() =>
      checkNewAccount(account('PreSignUp_AdminCreateUser', 'sam@example.com', 'www.example.com/me'), closed),
    ).toThrow(/may hold letters/);
  });
});

describe('first sign-in through a federated identity provider', () => {
  it('is held to the allowed domains when some are configured', () => {
    expect(() =>
      checkNewAccount(account('PreSignUp_ExternalProvider', 'ada@example.com', 'Ada'), companyOnly),
    ).not.toThrow();
    expect(() =>
      checkNewAccount(account('PreSignUp_ExternalProvider', 'ada@gmail.com', 'Ada'), companyOnly),
    ).toThrow(/company e-mail addresses only/);
  });

  it('takes any address the provider vouches for when none are configured', () => {
    expect(() =>
      checkNewAccount(account('PreSignUp_ExternalProvider', 'ada@subsidiary.net', 'Ada'), closed),
    ).not.toThrow();
  });

  it("sends the user to IT when the directory's name is missing or unusable", () => {
    expect(() => checkNewAccount(account('PreSignUp_ExternalProvider', 'ada@example.com'), closed)).toThrow(
      /company directory gave no name/,
    );
    expect(() =>
      checkNewAccount(account('PreSignUp_ExternalProvider', 'ada@example.com', 'ADA_LOVELACE_01'), closed),
    ).toThrow(/name your company directory gives for you may hold letters/);
  });
});

describe('signUpPolicyFromEnvironment', () => {
  it('reads the comma-separated domains, blank meaning closed', () => {
    expect(signUpPolicyFromEnvironment({ ALLOWED_EMAIL_DOMAINS: ' example.com, example.org ,' })).toEqual(
      companyOnly,
    );
    expect(signUpPolicyFromEnvironment({})).toEqual(closed);
  });

  it('refuses a setting that is not a list of domains', () => {
    expect(() => signUpPolicyFromEnvironment({ ALLOWED_EMAIL_DOMAINS: 'example.com,*.example.org' })).toThrow(
      SignUpConfigError,
    );
  });
});

describe('the handler', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  const event = (email: string, name: string): PreSignUpTriggerEvent => ({
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_abc',
    userName: '6f1c0d8e-0000-4000-8000-000000000000',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource: 'PreSignUp_SignUp',
    request: { userAttributes: { email, name } },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });

  it("returns Cognito's event unchanged for an admitted account (no auto-confirmation: the address is verified)", async () => {
    process.env['ALLOWED_EMAIL_DOMAINS'] = 'example.com';
    process.env['POWERTOOLS_LOG_LEVEL'] = 'SILENT';
    const { handler } = await import('../../src/pre-sign-up.ts');
    const admitted = event('ada@example.com', 'Ada Lovelace');
    expect(await handler(admitted)).toEqual(event('ada@example.com', 'Ada Lovelace'));
    await expect(handler(event('ada@gmail.com', 'Ada Lovelace'))).rejects.toThrow(SignUpRefusedError);
  });
});
