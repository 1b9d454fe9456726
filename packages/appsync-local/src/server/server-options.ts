/**
 * What `startLocalApi` is told, and the parts it makes of that: the log, the authenticator for
 * the enabled modes, the executor over the API's schema and the real-time server, with
 * AppSync's defaults where an option is absent.
 */
import type { GraphQLSchema } from 'graphql';
import type { ResolverEngine } from '../engine/types.ts';
import { Authenticator } from './auth/authenticator.ts';
import type { RootField } from './auth/iam-field-policy.ts';
import type { AuthConfig, AuthorizedCaller } from './auth/modes.ts';
import { GraphQLExecutor } from './executor.ts';
import { type LogSink, ServerLog, stdoutSink } from './log.ts';
import { appSyncDefaultLimits } from './query-limits.ts';
import { RealtimeServer } from './realtime/realtime-server.ts';
import { buildAppSyncSchema } from './schema.ts';

export interface LocalApiOptions {
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The API's SDL (schema.graphql); AppSync's scalars and directives are declared for it. */
  readonly schemaSdl: string;
  readonly engine: ResolverEngine;
  readonly auth: AuthConfig;
  /** `ctx.identity`-adjacent values the Lambda authorizer event carries. */
  readonly apiId?: string;
  /** Serve HTTPS and WSS: with this key and certificate (PEM), or `true` for a self-signed one made at start-up. */
  readonly https?: boolean | { readonly key: string; readonly cert: string };
  /** Log each operation, each resolver's timing and each error. */
  readonly verbose?: boolean;
  /** Where log entries go: JSON lines on stdout by default. */
  readonly log?: LogSink;
  /** How often `ka` is sent on real-time connections (default 60 s). */
  readonly keepAliveIntervalMs?: number;
  /** AppSync's 30-second execution limit, shorter in tests if needed. */
  readonly requestTimeoutMs?: number;
  /** AppSync's `queryDepthLimit`: 1-75 nested levels; 0 or absent = no limit, as on AppSync. */
  readonly queryDepthLimit?: number;
  /** AppSync's `resolverCountLimit`: 1-10000 resolvers per request; 0 or absent = AppSync's 10000. */
  readonly resolverCountLimit?: number;
  /** Sees what AppSync bills: each operation run over HTTP and each real-time message delivered. */
  readonly onUsage?: (usage: ApiUsage) => void;
}

/** One billed unit of use: an operation served over HTTP, or a mutation's messages to subscribers. */
export type ApiUsage =
  | {
      readonly kind: 'operation';
      readonly operation: 'query' | 'mutation';
      readonly operationName: string | null;
      readonly mode: AuthorizedCaller['mode'];
    }
  | { readonly kind: 'realtimeMessages'; readonly mutationField: string; readonly delivered: number };

export const graphqlPath = '/graphql';
const defaultRequestTimeoutMs = 30_000;
const defaultKeepAliveIntervalMs = 60_000;

/** The parts of one local API, made from its options. */
export interface ApiParts {
  readonly log: ServerLog;
  readonly authenticator: Authenticator;
  readonly executor: GraphQLExecutor;
  readonly realtime: RealtimeServer;
  readonly requestTimeoutMs: number;
  readonly onUsage: ((usage: ApiUsage) => void) | undefined;
}

function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((fieldName) => ({ typeName: type.name, fieldName })) : [],
  );
}

export function apiPartsFrom(options: LocalApiOptions): ApiParts {
  const log = new ServerLog(options.log ?? stdoutSink, options.verbose ?? false);
  const schema = buildAppSyncSchema(options.schemaSdl);
  const apiId = options.apiId ?? 'local';
  const authenticator = new Authenticator(
    options.auth,
    { apiId, accountId: options.auth.iam?.accountId ?? '000000000000', rootFields: rootFieldsOf(schema) },
    (error) => log.error('auth.lambdaAuthorizer', error),
  );
  const executor = new GraphQLExecutor(schema, options.engine, {
    defaultMode: options.auth.defaultMode,
    limits: {
      queryDepthLimit: options.queryDepthLimit || appSyncDefaultLimits.queryDepthLimit,
      resolverCountLimit: options.resolverCountLimit || appSyncDefaultLimits.resolverCountLimit,
    },
    onInternalFailure: (error) => log.error('graphql.fieldFailure', error),
  });
  const realtime = new RealtimeServer({
    graphqlPath,
    executor,
    engine: options.engine,
    authenticator,
    log,
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? defaultKeepAliveIntervalMs,
  });
  return {
    log,
    authenticator,
    executor,
    realtime,
    requestTimeoutMs: options.requestTimeoutMs ?? defaultRequestTimeoutMs,
    onUsage: options.onUsage,
  };
}
