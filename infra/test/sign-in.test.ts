/**
 * How employees sign in to a deployed stage: the user pool, its managed login domain, the app
 * client's flows and attributes, the pre-sign-up trigger, the admins group, mail and federation,
 * from each stage's `signIn` setting, under Pulumi's mocks (support/sst-program.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRedirectUris } from '@leaderboard/core/sign-in';
import { functionRoles, preSignUpFunction } from '@leaderboard/core';
import { productionStage } from '../settings.ts';
import { checkSignInSettings, SignInConfigurationError, type SignInSettings } from '../sign-in.ts';
import {
  lambdaByHandler,
  onlyResource,
  resourcesOfType,
  stateString,
  statementsOfRole,
  stringInput,
} from './support/recorded.ts';
import {
  programRunTimeoutMs,
  runSstProgram,
  type ProgramRun,
  type RecordedResource,
} from './support/sst-program.ts';

const userPoolOf = (run: ProgramRun) => onlyResource(run, 'aws:cognito/userPool:UserPool', 'the user pool');
const clientOf = (run: ProgramRun) =>
  onlyResource(run, 'aws:cognito/userPoolClient:UserPoolClient', 'the app client');
const triggerOf = (run: ProgramRun) => lambdaByHandler(run, preSignUpFunction.handler);
const environmentOf = (lambda: RecordedResource): Record<string, string> =>
  (lambda.inputs.environment as { variables?: Record<string, string> } | undefined)?.variables ?? {};
const runTimeoutMs = 2 * programRunTimeoutMs;
/** How Pulumi marks a secret value in resource inputs (its `specialSigKey` and `specialSecretSig`). */
const pulumiSecretSignature = '4dabf18193072939515e22adb298388d';
const pulumiSecretValue = '1b47061264138c4ac30d75fd1eb44270';

describe('a stage with the default sign-in', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({ stage: 'alice' });
  }, runTimeoutMs);

  it('serves managed login on a Cognito prefix domain of its own', () => {
    const domain = onlyResource(run, 'aws:cognito/userPoolDomain:UserPoolDomain', 'the managed login domain');
    expect(domain.inputs.userPoolId).toBe(userPoolOf(run).id);
    expect(domain.inputs.managedLoginVersion).toBe(2);
    expect(domain.inputs.domain).toMatch(/^leaderboard-alice-[0-9a-f]{8}$/);
    expect(userPoolOf(run).inputs.userPoolTier).toBe('ESSENTIALS');
    const branding = onlyResource(run, 'aws:cognito/managedLoginBranding:ManagedLoginBranding', 'the style');
    expect(branding.inputs).toMatchObject({ clientId: clientOf(run).id, useCognitoProvidedValues: true });
    expect(run.outputs.signInUrl).toBe(
      `https://${String(domain.inputs.domain)}.auth.us-east-1.amazoncognito.com`,
    );
    expect(run.outputs.userPoolIssuer).toBe(
      `https://cognito-idp.us-east-1.amazonaws.com/${userPoolOf(run).id}`,
    );
  });

  it('lets the client use the code flow with PKCE only, as a public client, with the scopes that name the user', () => {
    const client = clientOf(run).inputs;
    expect(client).toMatchObject({
      allowedOauthFlows: ['code'],
      allowedOauthFlowsUserPoolClient: true,
      generateSecret: false,
      supportedIdentityProviders: ['COGNITO'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
    });
    expect([...(client.allowedOauthScopes as string[])].sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.callbackUrls).toEqual(cliRedirectUris);
  });

  it('offers SRP and refresh, and no password flow, when admins create every account', () => {
    expect([...(clientOf(run).inputs.explicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('lets no user write their display name, address or team, and shows them to the client', () => {
    const client = clientOf(run).inputs;
    expect(client.writeAttributes).toEqual(['locale', 'zoneinfo']);
    expect(client.readAttributes).toEqual(
      expect.arrayContaining(['name', 'email', 'email_verified', 'custom:team']),
    );
  });

  it('closes sign-up, requires a display name and verifies addresses', () => {
    const pool = userPoolOf(run).inputs;
    expect(pool.adminCreateUserConfig).toEqual({ allowAdminCreateUserOnly: true });
    expect(pool.schemas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'name', required: true, mutable: true, attributeDataType: 'String' }),
        expect.objectContaining({ name: 'team', required: false, attributeDataType: 'String' }),
      ]),
    );
    expect(pool.usernameAttributes).toEqual(['email']);
    expect(pool.autoVerifiedAttributes).toEqual(['email']);
    expect(pool.userAttributeUpdateSettings).toEqual({
      attributesRequireVerificationBeforeUpdates: ['email'],
    });
    expect(pool.accountRecoverySetting).toEqual({
      recoveryMechanisms: [{ name: 'verified_email', priority: 1 }],
    });
  });

  it("mails through Cognito's own sender", () => {
    expect(userPoolOf(run).inputs.emailConfiguration).toEqual({ emailSendingAccount: 'COGNITO_DEFAULT' });
  });

  it('runs the pre-sign-up trigger from its core spec, with no domain allowed and no grant', () => {
    const trigger = triggerOf(run);
    expect((userPoolOf(run).inputs.lambdaConfig as { preSignUp?: string }).preSignUp).toBe(
      stateString(trigger, 'arn'),
    );
    expect(trigger.inputs.timeout).toBe(preSignUpFunction.timeoutSeconds);
    expect(environmentOf(trigger).ALLOWED_EMAIL_DOMAINS).toBeUndefined();
    expect(statementsOfRole(run, stringInput(trigger, 'role'))).toEqual([]);
    expect(functionRoles[preSignUpFunction.name].grants).toEqual([]);
    const permission = onlyResource(
      run,
      'aws:lambda/permission:Permission',
      'the trigger permission',
      (resource) => resource.inputs.principal === 'cognito-idp.amazonaws.com',
    );
    expect(permission.inputs).toMatchObject({
      action: 'lambda:InvokeFunction',
      sourceArn: stateString(userPoolOf(run), 'arn'),
    });
  });

  it("creates the admins group whose members' tokens carry cognito:groups", () => {
    const group = onlyResource(run, 'aws:cognito/userGroup:UserGroup', 'the admins group');
    expect(group.inputs).toMatchObject({ name: 'admins', userPoolId: userPoolOf(run).id });
  });

  it('federates no identity provider', () => {
    expect(resourcesOfType(run, 'aws:cognito/identityProvider:IdentityProvider')).toEqual([]);
  });
});

describe('a stage with self sign-up, SES and a company OIDC provider', () => {
  const signIn: SignInSettings = {
    domain: { prefix: 'wellness-example' },
    appUrls: ['https://wellness.example.com/'],
    selfSignUpDomains: ['example.com', 'Example.ORG'],
    email: {
      sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
      from: 'Wellness Leaderboard <no-reply@example.com>',
      replyTo: 'wellness@example.com',
    },
    identityProvider: {
      kind: 'oidc',
      name: 'Entra',
      issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      clientId: 'entra-app-id',
      clientSecretName: 'EntraClientSecret',
      attributes: { team: 'department' },
    },
  };
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({
      stage: 'alice',
      settings: { signIn },
      env: { SST_SECRET_EntraClientSecret: 'entra-client-secret' },
    });
  }, runTimeoutMs);

  it('opens sign-up and gives the trigger the allowed domains', () => {
    expect(userPoolOf(run).inputs.adminCreateUserConfig).toEqual({ allowAdminCreateUserOnly: false });
    expect(environmentOf(triggerOf(run)).ALLOWED_EMAIL_DOMAINS).toBe('example.com,example.org');
  });

  it('mails from the SES identity', () => {
    expect(userPoolOf(run).inputs.emailConfiguration).toEqual({
      emailSendingAccount: 'DEVELOPER',
      sourceArn: signIn.email!.sesIdentityArn,
      fromEmailAddress: signIn.email!.from,
      replyToEmailAddress: 'wellness@example.com',
    });
  });

  it('federates the provider with the secret from its SST secret, mapping the address, the name and the team', () => {
    const provider = onlyResource(
      run,
      'aws:cognito/identityProvider:IdentityProvider',
      'the company provider',
    );
    expect(provider.inputs).toMatchObject({
      providerName: 'Entra',
      providerType: 'OIDC',
      userPoolId: userPoolOf(run).id,
      attributeMapping: { email: 'email', name: 'name', 'custom:team': 'department' },
    });
    // The details hold the client secret, so Pulumi keeps them as a secret (encrypted in state).
    const details = provider.inputs.providerDetails as Record<string, unknown>;
    expect(details[pulumiSecretSignature]).toBe(pulumiSecretValue);
    expect(details.value).toMatchObject({
      client_id: 'entra-app-id',
      client_secret: 'entra-client-secret',
      oidc_issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
      authorize_scopes: 'openid email profile',
    });
  });

  it("sends the client's users to the provider, and to the stage's page and the CLI after sign-in", () => {
    const client = clientOf(run).inputs;
    expect(client.supportedIdentityProviders).toEqual(['Entra']);
    expect(client.callbackUrls).toEqual(['https://wellness.example.com/', ...cliRedirectUris]);
    expect(client.logoutUrls).toEqual(['https://wellness.example.com/']);
    expect(onlyResource(run, 'aws:cognito/userPoolDomain:UserPoolDomain', 'the domain').inputs.domain).toBe(
      'wellness-example',
    );
  });

  it('lets the client write what sign-up and the provider fill in, and then offers no SRP', () => {
    const client = clientOf(run).inputs;
    expect(client.writeAttributes).toEqual(['email', 'name', 'custom:team', 'locale', 'zoneinfo']);
    expect(client.explicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.allowedOauthScopes).not.toContain('aws.cognito.signin.user.admin');
  });
});

describe('a stage with a SAML provider on a custom domain', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({
      stage: 'alice',
      settings: {
        signIn: {
          domain: {
            name: 'login.example.com',
            certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
          },
          identityProvider: {
            kind: 'saml',
            name: 'Okta',
            metadataUrl: 'https://example.okta.com/app/abc/sso/saml/metadata',
            attributes: {
              email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
              name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
            },
          },
        } satisfies SignInSettings,
      },
    });
  }, runTimeoutMs);

  it('federates it from its metadata and serves managed login on the custom name', () => {
    const provider = onlyResource(run, 'aws:cognito/identityProvider:IdentityProvider', 'the SAML provider');
    expect(provider.inputs).toMatchObject({
      providerType: 'SAML',
      providerDetails: { MetadataURL: 'https://example.okta.com/app/abc/sso/saml/metadata' },
      attributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      },
    });
    expect(onlyResource(run, 'aws:cognito/userPoolDomain:UserPoolDomain', 'the domain').inputs).toMatchObject(
      {
        domain: 'login.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      },
    );
    expect(clientOf(run).inputs.supportedIdentityProviders).toEqual(['Okta']);
    // Sign-up stays closed: the provider's people are created at their first sign-in.
    expect(userPoolOf(run).inputs.adminCreateUserConfig).toEqual({ allowAdminCreateUserOnly: true });
  });
});

describe('production', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runSstProgram({
      stage: productionStage,
      env: { SST_SECRET_AlertEmail: 'oncall@example.com' },
    });
  }, runTimeoutMs);

  it('keeps the user pool and its admins group through removal and replacement', () => {
    for (const resource of [
      userPoolOf(run),
      onlyResource(run, 'aws:cognito/userGroup:UserGroup', 'the admins group'),
    ]) {
      expect(resource.options, resource.name).toMatchObject({ protect: true, retainOnDelete: true });
    }
    expect(userPoolOf(run).inputs.deletionProtection).toBe('ACTIVE');
  });
});

describe('checkSignInSettings', () => {
  const check = (signIn: SignInSettings) => () => checkSignInSettings(signIn, 'us-east-1');
  const ses = {
    sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
    from: 'no-reply@example.com',
  };

  it('accepts complete settings', () => {
    expect(
      check({ selfSignUpDomains: ['example.com'], email: ses, appUrls: ['http://localhost:5173/'] }),
    ).not.toThrow();
    expect(() => checkSignInSettings(undefined, 'us-east-1')).not.toThrow();
  });

  it.each<[string, SignInSettings, RegExp]>([
    ['a sign-up domain that is not one', { selfSignUpDomains: ['*.example.com'] }, /selfSignUpDomains/],
    ['a plain-http page', { appUrls: ['http://wellness.example.com/'] }, /appUrls/],
    [
      'an SES identity in another region',
      { email: { ...ses, sesIdentityArn: ses.sesIdentityArn.replace('us-east-1', 'eu-west-1') } },
      /eu-west-1/,
    ],
    [
      'a sender outside the identity',
      { email: { ...ses, from: 'Wellness <no-reply@other.com>' } },
      /not an address of the SES identity/,
    ],
    ['what is not an SES identity', { email: { ...ses, sesIdentityArn: 'example.com' } }, /SES identity ARN/],
    [
      'a provider without its secret',
      {
        identityProvider: {
          kind: 'oidc',
          name: 'Okta',
          issuer: 'https://example.okta.com',
          clientId: 'x',
          clientSecretName: '',
        },
      },
      /clientSecretName/,
    ],
    [
      'a provider over http',
      {
        identityProvider: {
          kind: 'oidc',
          name: 'Okta',
          issuer: 'http://example.okta.com',
          clientId: 'x',
          clientSecretName: 'S',
        },
      },
      /https/,
    ],
    [
      'a provider named COGNITO',
      {
        identityProvider: {
          kind: 'saml',
          name: 'COGNITO',
          metadataUrl: 'https://x.example.com/m',
          attributes: { email: 'e', name: 'n' },
        },
      },
      /name/,
    ],
  ])('refuses %s', (_, signIn, message) => {
    expect(check(signIn)).toThrow(SignInConfigurationError);
    expect(check(signIn)).toThrow(message);
  });
});
