/**
 * The contract between the GraphQL server (HTTP and real-time) and the APPSYNC_JS
 * resolver engine: what a field invocation gets and what it gives back.
 */

/** `ctx.identity` as AppSync builds it for each authorization mode. */
export type AppSyncIdentity =
  | null // API_KEY
  | {
      /** AWS_LAMBDA: what the authorizer returned. */
      readonly resolverContext: Readonly<Record<string, string>>;
    }
  | {
      /** AWS_IAM */
      readonly accountId: string;
      readonly accessKey?: string;
      readonly userArn: string;
      readonly username: string;
      readonly sourceIp: readonly string[];
      readonly cognitoIdentityAuthType?: string;
      readonly cognitoIdentityAuthProvider?: string;
      readonly cognitoIdentityPoolId?: string;
      readonly cognitoIdentityId?: string;
    }
  | {
      /** AMAZON_COGNITO_USER_POOLS / OPENID_CONNECT */
      readonly sub: string;
      readonly issuer: string;
      readonly username?: string;
      readonly claims: Readonly<Record<string, unknown>>;
      readonly sourceIp: readonly string[];
      readonly defaultAuthStrategy?: string;
      readonly groups?: readonly string[] | null;
    };

/** `ctx.info` */
export interface AppSyncInfo {
  readonly fieldName: string;
  readonly parentTypeName: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly selectionSetList: readonly string[];
  readonly selectionSetGraphQL: string;
}

/** Everything a resolver invocation starts from; the engine builds `ctx` out of it. */
export interface FieldInvocation {
  readonly typeName: string;
  readonly fieldName: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly source: Readonly<Record<string, unknown>> | null;
  readonly identity: AppSyncIdentity;
  readonly request: {
    readonly headers: Readonly<Record<string, string>>;
    readonly domainName: string | null;
  };
  readonly info: AppSyncInfo;
}

/** An error in AppSync's response shape (`errors[]` entries, minus path and locations). */
export interface AppSyncError {
  readonly message: string;
  readonly errorType?: string;
  readonly data?: unknown;
  readonly errorInfo?: unknown;
}

/** Subscription filters and invalidations a resolver set through `extensions`. */
export interface ResolverExtensions {
  /** From `extensions.setSubscriptionFilter(...)`: `{ filterGroup: [{ filters: [...] }] }`. */
  readonly subscriptionFilter?: unknown;
  /** From `extensions.setSubscriptionInvalidationFilter(...)`. */
  readonly subscriptionInvalidationFilter?: unknown;
  /** From `extensions.invalidateSubscriptions(...)`. */
  readonly invalidateSubscriptions?: readonly unknown[];
}

export interface FieldOutcome {
  /** The field's value; `null` when the resolver ended with `util.error`. */
  readonly data: unknown;
  /** `util.error` (at most one, ends the field) and every `util.appendError`. */
  readonly errors: readonly AppSyncError[];
  readonly extensions: ResolverExtensions;
  /** Set with `util.http.addResponseHeader(s)`; the server adds them to the HTTP response. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
}

/** Runs the resolver registered for a field, as AppSync would. */
export interface ResolverEngine {
  /** True when a resolver is attached to `typeName.fieldName`. */
  has(typeName: string, fieldName: string): boolean;
  resolve(invocation: FieldInvocation): Promise<FieldOutcome>;
}
