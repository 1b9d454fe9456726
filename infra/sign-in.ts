/**
 * How a stage's employees sign in (the `signIn` stage setting) and what that makes of the user
 * pool and its app client. Pure functions of the settings, without SST globals, so
 * `settings.ts` can hold the types and tests can read the plan; infra/auth.ts builds it.
 */
import { serviceConfig } from '@leaderboard/core/config';
import { cliRedirectUris, signInScopes } from '@leaderboard/core/sign-in';
import { displayNameLimits, isDomainName } from '@leaderboard/core/sign-up';

export class SignInConfigurationError extends Error {
  override readonly name = 'SignInConfigurationError';
}

/** Mail from Amazon SES instead of Cognito's own sender, which sends about 50 messages a day. */
export interface SesEmailSettings {
  /** A verified SES identity (a domain or an address) in the stage's region, out of the SES sandbox. */
  readonly sesIdentityArn: string;
  /** The sender, e.g. `Wellness Leaderboard <no-reply@example.com>`; its address must belong to the identity. */
  readonly from: string;
  readonly replyTo?: string;
  /** An SES configuration set, to see bounces and complaints. */
  readonly configurationSet?: string;
}

/** Which claims (OIDC) or assertion attributes (SAML) of the company's provider fill the user's attributes. */
export interface ProviderAttributeSettings {
  /** Default `email` (OIDC); SAML providers name theirs, e.g. `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress`. */
  readonly email?: string;
  /** The display name; default `name` (OIDC). */
  readonly name?: string;
  /** The user's team (`custom:team`), when the directory has one (a department, say). */
  readonly team?: string;
}

export interface OidcProviderSettings {
  readonly kind: 'oidc';
  /** Shown on the sign-in button: letters, digits, `-`, `_` (e.g. `Entra`, `Okta`, `Google`). */
  readonly name: string;
  /** e.g. `https://login.microsoftonline.com/<tenant id>/v2.0`, `https://<org>.okta.com`, `https://accounts.google.com`. */
  readonly issuer: string;
  readonly clientId: string;
  /** The SST secret holding the client secret (`npx sst secret set <name> <secret> --stage <stage>`). */
  readonly clientSecretName: string;
  /** Default `openid email profile`. */
  readonly scopes?: readonly string[];
  readonly attributes?: ProviderAttributeSettings;
}

export interface SamlProviderSettings {
  readonly kind: 'saml';
  readonly name: string;
  /** The provider's federation metadata document (https). */
  readonly metadataUrl: string;
  readonly attributes: ProviderAttributeSettings & { readonly email: string; readonly name: string };
}

export type IdentityProviderSettings = OidcProviderSettings | SamlProviderSettings;

export interface SignInSettings {
  /**
   * Managed login's address. Default: a Cognito prefix domain named after the app, the stage and
   * the account (`<prefix>.auth.<region>.amazoncognito.com`). A custom name needs an ACM
   * certificate for it in us-east-1, and a CNAME to the CloudFront name the domain reports.
   */
  readonly domain?: { readonly prefix: string } | { readonly name: string; readonly certificateArn: string };
  /** Pages that sign people in (https, or http://localhost): each is a callback and a sign-out URL. */
  readonly appUrls?: readonly string[];
  /**
   * E-mail domains whose people may sign themselves up (and to which first sign-ins through the
   * identity provider are held). Absent or empty: sign-up is closed and admins create accounts.
   */
  readonly selfSignUpDomains?: readonly string[];
  /** Without it, Cognito's own sender mails codes and invitations (about 50 a day). */
  readonly email?: SesEmailSettings;
  /** The company's identity provider, federated into the pool: its people sign in with it only. */
  readonly identityProvider?: IdentityProviderSettings;
}

/** The custom attribute the authorizer reads the team from (`serviceConfig.teamClaim`, `custom:<name>`). */
export const teamAttribute = serviceConfig.teamClaim;

/** Attributes users may change themselves: preferences the service never reads. (An empty list would mean Cognito's default: every standard attribute, `name` and `email` among them.) */
const userPreferenceAttributes = ['locale', 'zoneinfo'];

export interface AppClientAccess {
  readonly explicitAuthFlows: string[];
  readonly readAttributes: string[];
  readonly writeAttributes: string[];
}

/**
 * What the app client lets its users do. Creating an account through the client (self sign-up)
 * or through the identity provider (which rewrites the mapped attributes at each sign-in) needs
 * the client to write the display name and address; a user holding a token with the
 * `aws.cognito.signin.user.admin` scope could then rewrite them too. Managed login never grants
 * that scope here (see `signInScopes`), but the SRP flow always does, so SRP is offered only when
 * the client can write neither: when admins create every account and no provider is federated.
 */
export function appClientAccess(settings: SignInSettings = {}): AppClientAccess {
  const createsAccounts = selfSignUpDomains(settings).length > 0 || settings.identityProvider !== undefined;
  const identity = ['email', 'name', ...(settings.identityProvider?.attributes?.team ? [teamAttribute] : [])];
  return {
    explicitAuthFlows: createsAccounts
      ? ['ALLOW_REFRESH_TOKEN_AUTH']
      : ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    readAttributes: ['email', 'email_verified', 'name', teamAttribute, ...userPreferenceAttributes],
    writeAttributes: [...(createsAccounts ? identity : []), ...userPreferenceAttributes],
  };
}

export const selfSignUpDomains = (settings: SignInSettings = {}): string[] =>
  (settings.selfSignUpDomains ?? []).map((domain) => domain.trim().toLowerCase());

/** The pool's callback URLs: the stage's pages and the CLI's loopback listeners. */
export const callbackUrls = (settings: SignInSettings = {}): string[] => [
  ...(settings.appUrls ?? []),
  ...cliRedirectUris,
];

export const oauthScopes = [...signInScopes];

/** The user pool's attribute schema beyond Cognito's standard set (SST's `email` username kept). */
export const userPoolSchema = [
  {
    // The display name boards show: required, so every way of creating an account asks for it.
    name: 'name',
    attributeDataType: 'String',
    required: true,
    mutable: true,
    stringAttributeConstraints: {
      minLength: String(displayNameLimits.minLength),
      maxLength: String(displayNameLimits.maxLength),
    },
  },
  {
    name: teamAttribute.replace(/^custom:/, ''),
    attributeDataType: 'String',
    required: false,
    mutable: true,
    stringAttributeConstraints: { minLength: '1', maxLength: String(serviceConfig.maxTeamIdLength) },
  },
];

const isHttpsUrl = (value: string): boolean => URL.canParse(value) && new URL(value).protocol === 'https:';
const isAppUrl = (value: string): boolean =>
  isHttpsUrl(value) || (URL.canParse(value) && new URL(value).origin.startsWith('http://localhost'));

/** The address part of `Name <address>` or of a bare address. */
export const addressOf = (from: string): string => (/<([^>]+)>\s*$/.exec(from)?.[1] ?? from).trim();

function checkEmail(email: SesEmailSettings, region: string): void {
  const arn = /^arn:aws[a-z-]*:ses:([a-z0-9-]+):\d{12}:identity\/(.+)$/.exec(email.sesIdentityArn);
  if (!arn) {
    throw new SignInConfigurationError(
      `signIn.email.sesIdentityArn must be an SES identity ARN, got "${email.sesIdentityArn}"`,
    );
  }
  if (arn[1] !== region) {
    throw new SignInConfigurationError(
      `signIn.email.sesIdentityArn is in ${arn[1]}; the stage's user pool is in ${region} and mails from its own region`,
    );
  }
  const identity = arn[2]!.toLowerCase();
  const address = addressOf(email.from).toLowerCase();
  if (address !== identity && !address.endsWith(`@${identity}`)) {
    throw new SignInConfigurationError(
      `signIn.email.from (${address}) is not an address of the SES identity ${identity}`,
    );
  }
}

function checkProvider(provider: IdentityProviderSettings): void {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(provider.name) || provider.name === 'COGNITO') {
    throw new SignInConfigurationError(
      `signIn.identityProvider.name "${provider.name}" must be 1-32 letters, digits, - or _ (and not COGNITO)`,
    );
  }
  const url = provider.kind === 'oidc' ? provider.issuer : provider.metadataUrl;
  if (!isHttpsUrl(url)) {
    throw new SignInConfigurationError(
      `signIn.identityProvider's ${provider.kind} URL must be https, got "${url}"`,
    );
  }
  if (
    provider.kind === 'oidc' &&
    (!provider.clientId.trim() || !/^[A-Za-z][A-Za-z0-9]*$/.test(provider.clientSecretName))
  ) {
    throw new SignInConfigurationError(
      'signIn.identityProvider needs a clientId and clientSecretName, the name of the SST secret holding the client secret',
    );
  }
}

/** Refuses settings a deploy could not honour, naming the setting; `region` is the stage's. */
export function checkSignInSettings(settings: SignInSettings | undefined, region: string): void {
  if (!settings) return;
  const badDomain = selfSignUpDomains(settings).find((domain) => !isDomainName(domain));
  if (badDomain !== undefined) {
    throw new SignInConfigurationError(`signIn.selfSignUpDomains: "${badDomain}" is not a domain name`);
  }
  const badUrl = (settings.appUrls ?? []).find((url) => !isAppUrl(url));
  if (badUrl !== undefined) {
    throw new SignInConfigurationError(`signIn.appUrls: "${badUrl}" must be https (or http://localhost)`);
  }
  if (settings.email) checkEmail(settings.email, region);
  if (settings.identityProvider) checkProvider(settings.identityProvider);
}

/**
 * Cognito's attribute mapping for the provider: user pool attribute -> provider claim or attribute.
 * The username stays Cognito's default (the OIDC `sub`, the SAML name id): one user per person.
 */
export function providerAttributeMapping(provider: IdentityProviderSettings): Record<string, string> {
  const attributes = provider.attributes ?? {};
  return {
    email: attributes.email ?? 'email',
    name: attributes.name ?? 'name',
    ...(attributes.team ? { [teamAttribute]: attributes.team } : {}),
  };
}

/** Cognito's provider details, without the OIDC client secret (the deploy reads it from its SST secret). */
export function providerDetails(provider: IdentityProviderSettings): Record<string, string> {
  if (provider.kind === 'saml') return { MetadataURL: provider.metadataUrl, IDPSignout: 'false' };
  return {
    client_id: provider.clientId,
    authorize_scopes: (provider.scopes ?? ['openid', 'email', 'profile']).join(' '),
    oidc_issuer: provider.issuer,
    attributes_request_method: 'GET',
  };
}
