/**
 * The local AppSync API. `startLocalApi(options)` serves `POST /graphql` and the real-time
 * protocol on `/graphql/realtime` (one port; HTTPS/WSS with `https: true`), authorizing with
 * API keys, a Lambda authorizer, SigV4 (IAM), OIDC or Cognito tokens and AppSync's auth
 * directives, and running resolvers through a `ResolverEngine`. See local-api.ts.
 */
export { startLocalApi, type LocalApi } from './local-api.ts';
export type { ApiUsage, LocalApiOptions } from './server-options.ts';
export type {
  ApiKey,
  AppSyncAuthorizerEvent,
  AppSyncAuthorizerResult,
  AuthConfig,
  AuthMode,
  IamConfig,
  IamCredential,
  JwtProviderConfig,
  LambdaAuthorizer,
} from './auth/modes.ts';
export type { LogEntry, LogSink } from './log.ts';
export { realtimeLimits } from './realtime/connection.ts';
export { buildAppSyncSchema } from './schema.ts';
export { createLocalCertificate, type LocalCertificate } from './certificate.ts';
export {
  assertParsableNesting,
  assertWithinLimits,
  type QueryLimits,
  type ResolverLookup,
} from './query-limits.ts';
export { DocumentNestingError, QueryDepthLimitError, ResolverCountLimitError } from './errors.ts';
