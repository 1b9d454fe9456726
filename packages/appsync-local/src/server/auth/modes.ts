/**
 * Authorization configuration of the local API, mirroring an AppSync API's default and
 * additional authorization providers, and what a request is authorized as.
 */
import type { AppSyncIdentity } from '../../engine/types.ts';
import type { IamPolicyDocument } from '../../iam/policy-evaluation.ts';

export type AuthMode = 'API_KEY' | 'AWS_LAMBDA' | 'AWS_IAM' | 'OPENID_CONNECT' | 'AMAZON_COGNITO_USER_POOLS';

export interface ApiKey {
  readonly key: string;
  readonly expiresAt: Date;
}

/** The event AppSync sends a Lambda authorizer (structurally `AppSyncAuthorizerEvent` of @types/aws-lambda). */
export interface AppSyncAuthorizerEvent {
  readonly authorizationToken: string;
  readonly requestContext: {
    readonly apiId: string;
    readonly accountId: string;
    readonly requestId: string;
    readonly queryString: string;
    readonly operationName?: string;
    readonly variables: Record<string, unknown>;
  };
  readonly requestHeaders: Record<string, string | undefined>;
}

export interface AppSyncAuthorizerResult {
  readonly isAuthorized: boolean;
  readonly resolverContext?: Record<string, string> | undefined;
  /** `Type.field` names or field ARNs the caller may not read. */
  readonly deniedFields?: readonly string[] | undefined;
  /** Seconds this result is cached for its token; 0 disables caching. */
  readonly ttlOverride?: number | undefined;
}

export type LambdaAuthorizer = (event: AppSyncAuthorizerEvent) => Promise<AppSyncAuthorizerResult>;

export interface IamCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The IAM user name reported in `ctx.identity`; defaults to `local-<accessKeyId>`. */
  readonly userName?: string;
  /**
   * The caller's identity policy. When given, AppSync's rule applies: each top-level field needs
   * `appsync:GraphQL` on `arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>`.
   */
  readonly policy?: IamPolicyDocument;
}

export interface IamConfig {
  readonly region: string;
  readonly accountId: string;
  readonly credentials: readonly IamCredential[];
}

/** OPENID_CONNECT or AMAZON_COGNITO_USER_POOLS: tokens verified against the issuer's JWKS. */
export interface JwtProviderConfig {
  readonly issuer: string;
  /** Accepted `aud` (ID tokens) or `client_id` (access tokens); any when omitted. */
  readonly clientId?: string;
  /** Defaults to `<issuer>/.well-known/jwks.json`. */
  readonly jwksUri?: string;
}

export interface AuthConfig {
  readonly defaultMode: AuthMode;
  /** AppSync's additional authorization providers. */
  readonly additionalModes?: readonly AuthMode[];
  readonly apiKeys?: readonly ApiKey[];
  readonly lambdaAuthorizer?: LambdaAuthorizer;
  /** AppSync's `authorizerResultTtlInSeconds`: how long a result is cached per token (default 300). */
  readonly lambdaAuthorizerTtlSeconds?: number;
  readonly iam?: IamConfig;
  readonly openIdConnect?: JwtProviderConfig;
  readonly cognitoUserPools?: JwtProviderConfig;
}

/** Who a request (or a subscription) is authorized as. */
export interface AuthorizedCaller {
  readonly mode: AuthMode;
  readonly identity: AppSyncIdentity;
  /** From a Lambda authorizer: `Type.field` entries (ARNs normalized) the caller may not read. */
  readonly deniedFields: ReadonlySet<string>;
  /** Cognito groups, checked against `@aws_cognito_user_pools(cognito_groups: [...])`. */
  readonly groups: readonly string[];
}

export const enabledModes = (config: AuthConfig): ReadonlySet<AuthMode> =>
  new Set([config.defaultMode, ...(config.additionalModes ?? [])]);
