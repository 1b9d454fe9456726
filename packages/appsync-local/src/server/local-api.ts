/**
 * The local AppSync API: `POST <graphqlPath>` (GraphQL over HTTP, as AppSync serves it) and
 * the real-time WebSocket endpoint on `<graphqlPath>/realtime`, on one port, over HTTP or
 * HTTPS/WSS with a self-signed certificate.
 *
 *   const api = await startLocalApi({ schemaSdl, engine, auth: { defaultMode: 'AWS_LAMBDA', ... } });
 *   api.url          // http://127.0.0.1:<port>/graphql
 *   api.realtimeUrl  // ws://127.0.0.1:<port>/graphql/realtime
 *   await api.close();
 */
import { Kind, type FieldNode, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { ResolverEngine } from '../engine/types.ts';
import { closeServer, listen } from '../net/server-lifecycle.ts';
import { Authenticator } from './auth/authenticator.ts';
import type { RootField } from './auth/iam-field-policy.ts';
import type { AuthConfig, AuthorizedCaller } from './auth/modes.ts';
import { createLocalCertificate } from './certificate.ts';
import {
  type AppSyncResponseError,
  internalFailure,
  MalformedRequestError,
  RequestRefusedError,
} from './errors.ts';
import { GraphQLExecutor, type OperationContext, type OperationResult } from './executor.ts';
import { type LogSink, ServerLog, stdoutSink } from './log.ts';
import { appSyncDefaultLimits } from './query-limits.ts';
import { unaliasResponse } from './realtime/payload.ts';
import { type PublishedMutation, RealtimeServer } from './realtime/realtime-server.ts';
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
  /** Serve HTTPS and WSS with a self-signed certificate made at start-up. */
  readonly https?: boolean;
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

export interface LocalApi {
  /** e.g. `http://127.0.0.1:4321/graphql` */
  readonly url: string;
  /** e.g. `ws://127.0.0.1:4321/graphql/realtime` */
  readonly realtimeUrl: string;
  readonly port: number;
  /** PEM of the self-signed certificate when serving HTTPS (clients in tests trust it explicitly). */
  readonly certificate?: string;
  /** Active subscriptions over all real-time connections. */
  subscriptionCount(): number;
  /** How often the Lambda authorizer actually ran (results are cached per token). */
  authorizerInvocations(): number;
  close(): Promise<void>;
}

const graphqlPath = '/graphql';
/** AppSync's request body limit is not documented per se; 1 MB mirrors its response limit. */
const maxRequestBytes = 1024 * 1024;
const defaultRequestTimeoutMs = 30_000;

const corsHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, x-api-key, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256',
  'access-control-max-age': '86400',
};

class RequestTooLargeError extends RequestRefusedError {
  constructor() {
    super(413, 'PayloadTooLargeException', `The request body exceeds ${maxRequestBytes} bytes.`);
  }
}

class ExecutionTimeoutError extends Error {
  constructor() {
    super('Execution timed out.');
    this.name = 'ExecutionTimeoutError';
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > maxRequestBytes) return;
      size += chunk.length;
      if (size > maxRequestBytes) {
        // The rest is read and dropped rather than the socket destroyed: the client gets its 413.
        chunks.length = 0;
        reject(new RequestTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...corsHeaders,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function sendRefusal(response: ServerResponse, refusal: RequestRefusedError, requestId: string): void {
  send(
    response,
    refusal.httpStatus,
    { errors: [refusal.toResponseError()] },
    {
      'x-amzn-errortype': refusal.errorType,
      'x-amzn-requestid': requestId,
    },
  );
}

interface GraphQLRequestBody {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | null;
}

function parseRequestBody(text: string): GraphQLRequestBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new MalformedRequestError('Unable to parse the JSON document.');
  }
  if (typeof body !== 'object' || body === null)
    throw new MalformedRequestError('The request body must be a JSON object.');
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '')
    throw new MalformedRequestError('The request has no query.');
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    throw new MalformedRequestError('variables must be a JSON object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new MalformedRequestError('operationName must be a string.');
  }
  return {
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: (operationName as string | null | undefined) ?? null,
  };
}

function rootFieldsOf(schema: GraphQLSchema): RootField[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((fieldName) => ({ typeName: type.name, fieldName })) : [],
  );
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
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
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? 60_000,
  });
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;

  const publishMutations = (
    prepared: Exclude<ReturnType<GraphQLExecutor['prepare']>, AppSyncResponseError[]>,
    result: OperationResult,
  ) => {
    if (prepared.operation.operation !== 'mutation' || !result.data) return;
    for (const selection of prepared.operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field: FieldNode = selection;
      const value = result.data[field.alias?.value ?? field.name.value];
      if (value === null || value === undefined || !realtime.publishes(field.name.value)) continue;
      const event: PublishedMutation = {
        mutationField: field.name.value,
        payload: unaliasResponse(value, field.selectionSet, prepared.fragments),
      };
      const delivered = realtime.publish(event);
      options.onUsage?.({ kind: 'realtimeMessages', mutationField: event.mutationField, delivered });
    }
  };

  const runOperation = async (
    body: GraphQLRequestBody,
    caller: AuthorizedCaller,
    headers: Record<string, string>,
    requestId: string,
  ): Promise<{ data: Record<string, unknown> | null; errors?: readonly AppSyncResponseError[] }> => {
    const started = performance.now();
    const prepared = executor.prepare(body.query, body.operationName);
    if (Array.isArray(prepared)) {
      log.debug('graphql.operation', { requestId, valid: false, errors: prepared });
      return { data: null, errors: prepared };
    }
    if (prepared.operation.operation === 'subscription') {
      return {
        data: null,
        errors: [
          {
            errorType: 'UnsupportedOperation',
            message: 'Subscriptions are served on the real-time endpoint (<graphql url>/realtime).',
          },
        ],
      };
    }
    const context: OperationContext = {
      caller,
      headers,
      domainName: null,
      appendedErrors: [],
      resolverTimings: [],
      invalidations: [],
    };
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      executor.execute(prepared, body.variables, context),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ExecutionTimeoutError()), requestTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    options.onUsage?.({
      kind: 'operation',
      operation: prepared.operation.operation,
      operationName: prepared.operation.name?.value ?? null,
      mode: caller.mode,
    });
    publishMutations(prepared, result);
    for (const invalidation of context.invalidations) realtime.invalidate(invalidation);
    log.debug('graphql.operation', {
      requestId,
      operation: prepared.operation.operation,
      operationName: prepared.operation.name?.value ?? null,
      mode: caller.mode,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      resolvers: context.resolverTimings,
      errors: result.errors,
    });
    return result.errors.length > 0 ? { data: result.data, errors: result.errors } : { data: result.data };
  };

  const handleGraphQL = async (
    request: IncomingMessage,
    url: URL,
    response: ServerResponse,
    requestId: string,
  ) => {
    const text = await readBody(request);
    const body = parseRequestBody(text);
    const headers = lowerCaseHeaders(request);
    const caller = await authenticator.authenticate({
      method: request.method ?? 'POST',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: text,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      queryString: body.query,
      ...(body.operationName ? { operationName: body.operationName } : {}),
      variables: body.variables,
    });
    const result = await runOperation(body, caller, headers, requestId);
    send(response, 200, result, { 'x-amzn-requestid': requestId });
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      response.end();
      return;
    }
    if (path !== graphqlPath || request.method !== 'POST') {
      send(response, 404, {
        errors: [{ errorType: 'NotFoundException', message: `No route for ${request.method} ${path}.` }],
      });
      return;
    }
    handleGraphQL(request, url, response, requestId).catch((error: unknown) => {
      if (error instanceof RequestRefusedError) {
        log.debug('graphql.refused', { requestId, errorType: error.errorType, message: error.message });
        sendRefusal(response, error, requestId);
        return;
      }
      if (error instanceof ExecutionTimeoutError) {
        log.error('graphql.timeout', error, { requestId });
        send(response, 200, {
          data: null,
          errors: [{ errorType: 'ExecutionTimeout', message: error.message }],
        });
        return;
      }
      log.error('graphql.failure', error, { requestId });
      send(response, 500, { errors: [internalFailure] });
    });
  };

  let certificate: string | undefined;
  let server: Server;
  if (options.https) {
    const generated = await createLocalCertificate();
    certificate = generated.cert;
    server = createHttpsServer({ key: generated.key, cert: generated.cert }, onRequest);
  } else {
    server = createHttpServer(onRequest);
  }
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === realtime.realtimePath) realtime.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const origin = `${options.https ? 'https' : 'http'}://${host}:${port}`;
  const url = `${origin}${graphqlPath}`;
  const realtimeUrl = `${options.https ? 'wss' : 'ws'}://${host}:${port}${realtime.realtimePath}`;
  log.info('api.started', {
    url,
    realtimeUrl,
    defaultMode: options.auth.defaultMode,
    modes: [...authenticator.modes],
    https: options.https ?? false,
  });

  return {
    url,
    realtimeUrl,
    port,
    ...(certificate ? { certificate } : {}),
    subscriptionCount: () => realtime.subscriptionCount,
    authorizerInvocations: () => authenticator.lambda?.invocations ?? 0,
    async close() {
      await realtime.close();
      await closeServer(server);
      log.info('api.stopped', { url });
    },
  };
}
