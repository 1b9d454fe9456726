/**
 * Signing in: the user pool employees sign in to (managed login with the code flow and PKCE, the
 * sign-up rules of its pre-sign-up trigger, the `admins` group, SES when configured, the
 * company's identity provider when configured) and the authorizer that checks their tokens.
 * What each stage chooses is its `signIn` setting (settings.ts, sign-in.ts).
 */
import { createHash } from 'node:crypto';
import { authorizerFunction, preSignUpFunction } from '@leaderboard/core/functions';
import { adminsGroup } from '@leaderboard/core/items/caller-context';
import { functionArgsFromSpec } from './functions.ts';
import { authorizerOidcEnvironment, stageSettings } from './settings.ts';
import {
  appClientAccess,
  callbackUrls,
  checkSignInSettings,
  oauthScopes,
  providerAttributeMapping,
  providerDetails,
  selfSignUpDomains,
  userPoolSchema,
  type SesEmailSettings,
  type SignInSettings,
} from './sign-in.ts';

const settings = stageSettings($app.stage);
const signIn: SignInSettings = settings.signIn ?? {};
checkSignInSettings(settings.signIn, settings.region);

/**
 * Prefix domains are unique across AWS within a region: the account's hash keeps two accounts
 * deploying the same stage name apart. Cognito refuses prefixes naming aws, amazon or cognito.
 */
function defaultDomainPrefix(accountId: string): string {
  const base = `${$app.name}-${$app.stage}`
    .toLowerCase()
    .replace(/aws|amazon|cognito/g, 'x')
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 50);
  return `${base}-${createHash('sha256').update(accountId).digest('hex').slice(0, 8)}`;
}

function managedLoginDomain(): sst.aws.CognitoUserPoolArgs['domain'] {
  if (signIn.domain && 'name' in signIn.domain) {
    // The certificate and the DNS record are the stage's own (see the README).
    return { name: signIn.domain.name, dns: false, cert: signIn.domain.certificateArn };
  }
  if (signIn.domain) return { prefix: signIn.domain.prefix };
  return { prefix: aws.getCallerIdentityOutput().accountId.apply(defaultDomainPrefix) };
}

function emailConfiguration(
  email: SesEmailSettings | undefined,
): aws.types.input.cognito.UserPoolEmailConfiguration {
  if (!email) return { emailSendingAccount: 'COGNITO_DEFAULT' };
  return {
    emailSendingAccount: 'DEVELOPER',
    sourceArn: email.sesIdentityArn,
    fromEmailAddress: email.from,
    ...(email.replyTo ? { replyToEmailAddress: email.replyTo } : {}),
    ...(email.configurationSet ? { configurationSet: email.configurationSet } : {}),
  };
}

const allowedDomains = selfSignUpDomains(signIn);

export const userPool = new sst.aws.CognitoUserPool('UserPool', {
  usernames: ['email'],
  triggers: {
    preSignUp: {
      ...functionArgsFromSpec(preSignUpFunction),
      ...(allowedDomains.length > 0
        ? { environment: { ALLOWED_EMAIL_DOMAINS: allowedDomains.join(',') } }
        : {}),
    },
  },
  domain: managedLoginDomain(),
  transform: {
    userPool: {
      schemas: userPoolSchema,
      // Closed unless the stage names the domains whose people may sign themselves up.
      adminCreateUserConfig: { allowAdminCreateUserOnly: allowedDomains.length === 0 },
      // Addresses are verified (SST auto-verifies the e-mail username); a changed one only once confirmed.
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: ['email'] },
      accountRecoverySetting: { recoveryMechanisms: [{ name: 'verified_email', priority: 1 }] },
      emailConfiguration: emailConfiguration(signIn.email),
      // Managed login (not the classic hosted UI) needs the Essentials plan or above.
      userPoolTier: 'ESSENTIALS',
    },
    domain: { managedLoginVersion: 2 },
  },
});

const identityProvider = signIn.identityProvider
  ? userPool.addIdentityProvider(signIn.identityProvider.name, {
      type: signIn.identityProvider.kind,
      details:
        signIn.identityProvider.kind === 'oidc'
          ? {
              ...providerDetails(signIn.identityProvider),
              client_secret: new sst.Secret(signIn.identityProvider.clientSecretName).value,
            }
          : providerDetails(signIn.identityProvider),
      attributes: providerAttributeMapping(signIn.identityProvider),
    })
  : undefined;

const clientAccess = appClientAccess(signIn);

/**
 * The one public client (no secret) of every page and of `pnpm sign-in`: the authorization code
 * flow with PKCE through managed login. With a company identity provider its people sign in
 * there only.
 */
export const userPoolClient = userPool.addClient('WebClient', {
  providers: identityProvider ? [identityProvider.providerName] : ['COGNITO'],
  callbackUrls: callbackUrls(signIn),
  transform: {
    client: {
      allowedOauthFlows: ['code'],
      allowedOauthScopes: oauthScopes,
      logoutUrls: [...(signIn.appUrls ?? [])],
      ...clientAccess,
      generateSecret: false,
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      idTokenValidity: 60,
      accessTokenValidity: 60,
      refreshTokenValidity: 30,
      tokenValidityUnits: { idToken: 'minutes', accessToken: 'minutes', refreshToken: 'days' },
    },
  },
});

/** Managed login shows its pages for a client only once the client has a style: Cognito's own. */
new aws.cognito.ManagedLoginBranding('WebClientBranding', {
  userPoolId: userPool.id,
  clientId: userPoolClient.id,
  useCognitoProvidedValues: true,
});

/** Operators: members get `cognito:groups: ["admins"]` in their tokens, which the resolvers check. */
export const adminsUserGroup = new aws.cognito.UserGroup('AdminsGroup', {
  userPoolId: userPool.id,
  name: adminsGroup,
  description: 'Leaderboard operators: programs, reversals, disqualifications, erasure, replay.',
});

/** The `iss` of the pool's tokens and the base of its OIDC discovery document. */
export const userPoolIssuer = $interpolate`https://cognito-idp.${settings.region}.amazonaws.com/${userPool.id}`;

/** Verifies user JWTs for AppSync; it calls no AWS API, so it links nothing. */
export const authorizer = new sst.aws.Function(authorizerFunction.name, {
  ...functionArgsFromSpec(authorizerFunction),
  environment: {
    COGNITO_USER_POOL_ID: userPool.id,
    COGNITO_CLIENT_ID: userPoolClient.id,
    // The stage's OIDC issuer, from infra/settings.ts: a deploy from any shell trusts the same issuers.
    ...authorizerOidcEnvironment(settings),
  },
});

/** Lets this one API (and no other) invoke the authorizer. */
export function allowApiToInvokeAuthorizer(apiArn: $util.Input<string>): aws.lambda.Permission {
  return new aws.lambda.Permission('AuthorizerAppSyncInvoke', {
    action: 'lambda:InvokeFunction',
    function: authorizer.name,
    principal: 'appsync.amazonaws.com',
    sourceArn: apiArn,
  });
}
