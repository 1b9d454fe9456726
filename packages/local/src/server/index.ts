export { startLocalApi, type LocalApi, type LocalApiOptions } from './local-api.ts';
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
export { realtimeLimits } from './realtime/realtime-server.ts';
