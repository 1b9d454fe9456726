/**
 * AppSync's real-time WebSocket protocol on `<graphql path>/realtime` (subprotocol
 * `graphql-ws`): authorization from the `header` query parameter or a `header-<base64url>`
 * subprotocol; connection_init → connection_ack {connectionTimeoutMs} and periodic `ka`;
 * start (authorized per subscription, the subscription's resolver run for enhanced filters)
 * → start_ack; stop → complete; events from published mutations as `data`.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  type GraphQLField,
  type GraphQLObjectType,
  Kind,
  type ListValueNode,
} from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { ResolverEngine } from '../../engine/types.ts';
import type { Authenticator, AuthRequest } from '../auth/authenticator.ts';
import type { AuthorizedCaller } from '../auth/modes.ts';
import {
  type AppSyncResponseError,
  internalFailure,
  InvalidSignatureError,
  notAuthorizedToAccess,
  RequestRefusedError,
} from '../errors.ts';
import type { GraphQLExecutor } from '../executor.ts';
import type { ServerLog } from '../log.ts';
import { selectionSetGraphQL, selectionSetList } from '../selection.ts';
import {
  InvalidSubscriptionFilterError,
  matchesArguments,
  matchesEnhancedFilter,
  parseSubscriptionFilter,
  type SubscriptionFilter,
} from './filters.ts';
import { projectForSubscriber } from './payload.ts';

/** AppSync's documented limits. */
export const realtimeLimits = {
  connectionTimeoutMs: 300_000,
  subscriptionsPerConnection: 100,
  payloadBytes: 240 * 1024,
} as const;

/** How long a connection refused at the handshake waits for its connection_init before being told. */
const refusedConnectionGraceMs = 2000;

/** A mutation result that subscribers may receive: the mutation field and its selected fields. */
export interface PublishedMutation {
  readonly mutationField: string;
  /** Keyed by field names (not aliases), holding only the fields the mutation selected. */
  readonly payload: unknown;
}

interface ActiveSubscription {
  readonly id: string;
  readonly connection: RealtimeConnection;
  readonly field: GraphQLField<unknown, unknown>;
  readonly fieldNodes: readonly FieldNode[];
  readonly responseKey: string;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly args: Readonly<Record<string, unknown>>;
  readonly filter: SubscriptionFilter | null;
  /** From `extensions.setSubscriptionInvalidationFilter`: which invalidations end this subscription. */
  readonly invalidationFilter: SubscriptionFilter | null;
}

interface RealtimeConnection {
  readonly socket: WebSocket;
  readonly caller: AuthorizedCaller | RequestRefusedError;
  readonly subscriptions: Map<string, ActiveSubscription>;
  /** Ids of starts still being authorized or resolved; a stop takes its id out of here. */
  readonly startsInProgress: Set<string>;
  readonly sourceIp: string;
  keepAlive?: NodeJS.Timeout;
}

interface StartPayload {
  readonly data?: unknown;
  readonly extensions?: { readonly authorization?: Record<string, unknown> };
}

export interface RealtimeServerOptions {
  readonly graphqlPath: string;
  readonly executor: GraphQLExecutor;
  readonly engine: ResolverEngine;
  readonly authenticator: Authenticator;
  readonly log: ServerLog;
  /** Interval of `ka` messages; AppSync's clients expect one well within connectionTimeoutMs. */
  readonly keepAliveIntervalMs: number;
}

const lowerCaseHeaders = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name.toLowerCase(), value]] : [],
    ),
  );

class HandshakeHeaderError extends Error {
  constructor() {
    super('the header query parameter or header- subprotocol is not base64 encoded JSON');
    this.name = 'HandshakeHeaderError';
  }
}

function decodeHeaderObject(encoded: string, encoding: 'base64' | 'base64url'): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, encoding).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new HandshakeHeaderError();
    return lowerCaseHeaders(parsed as Record<string, unknown>);
  } catch {
    throw new HandshakeHeaderError();
  }
}

function errorMessage(id: string | undefined, errors: readonly AppSyncResponseError[]): string {
  return JSON.stringify({ type: 'error', ...(id === undefined ? {} : { id }), payload: { errors } });
}

export class RealtimeServer {
  private readonly sockets: WebSocketServer;
  private readonly connections = new Set<RealtimeConnection>();
  /** Subscription field → the mutations listed in its `@aws_subscribe`. */
  private readonly mutationsBySubscriptionField = new Map<string, ReadonlySet<string>>();
  readonly realtimePath: string;

  constructor(private readonly options: RealtimeServerOptions) {
    this.realtimePath = `${options.graphqlPath}/realtime`;
    this.sockets = new WebSocketServer({
      noServer: true,
      maxPayload: realtimeLimits.payloadBytes,
      handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
    });
    const subscriptionType = options.executor.schema.getSubscriptionType();
    for (const field of Object.values(subscriptionType?.getFields() ?? {})) {
      const directive = field.astNode?.directives?.find(
        (candidate) => candidate.name.value === 'aws_subscribe',
      );
      const mutations = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
      if (mutations?.kind !== Kind.LIST) continue;
      const names = (mutations as ListValueNode).values.flatMap((value) =>
        value.kind === Kind.STRING ? [value.value] : [],
      );
      this.mutationsBySubscriptionField.set(field.name, new Set(names));
    }
  }

  /** True when some subscription field lists this mutation in `@aws_subscribe`. */
  publishes(mutationField: string): boolean {
    for (const mutations of this.mutationsBySubscriptionField.values())
      if (mutations.has(mutationField)) return true;
    return false;
  }

  get subscriptionCount(): number {
    let count = 0;
    for (const connection of this.connections) count += connection.subscriptions.size;
    return count;
  }

  /** Takes over an HTTP upgrade on the real-time path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The HTTP server stops listening for this socket's errors on upgrade, and ws starts only once
    // the handshake is authorized: a client reset in between would otherwise be an uncaught error.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const offered = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((protocol) => protocol.trim());
    if (!offered.includes('graphql-ws')) {
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nSubprotocol graphql-ws is required\r\n',
      );
      return;
    }
    const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
    void this.authenticateConnection(url, offered, sourceIp).then((caller) => {
      if (socket.destroyed) return;
      this.sockets.handleUpgrade(request, socket, head, (webSocket) =>
        this.accept(webSocket, caller, sourceIp),
      );
    });
  }

  private async authenticateConnection(
    url: URL,
    protocols: readonly string[],
    sourceIp: string,
  ): Promise<AuthorizedCaller | RequestRefusedError> {
    try {
      const fromProtocol = protocols.find((protocol) => protocol.startsWith('header-'));
      const headerParameter = url.searchParams.get('header');
      const headers = fromProtocol
        ? decodeHeaderObject(fromProtocol.slice('header-'.length), 'base64url')
        : headerParameter
          ? decodeHeaderObject(headerParameter, 'base64')
          : {};
      const payloadParameter = url.searchParams.get('payload');
      const body = payloadParameter ? Buffer.from(payloadParameter, 'base64').toString('utf8') : '{}';
      return await this.options.authenticator.authenticate({
        method: 'POST',
        path: `${this.options.graphqlPath}/connect`,
        headers,
        body,
        sourceIp,
        queryString: '',
        variables: {},
      });
    } catch (error) {
      if (error instanceof RequestRefusedError) return error;
      if (error instanceof HandshakeHeaderError)
        return new RequestRefusedError(400, 'BadRequestException', error.message);
      this.options.log.error('realtime.connect', error);
      return new RequestRefusedError(500, internalFailure.errorType, internalFailure.message);
    }
  }

  private accept(socket: WebSocket, caller: AuthorizedCaller | RequestRefusedError, sourceIp: string): void {
    const connection: RealtimeConnection = {
      socket,
      caller,
      subscriptions: new Map(),
      startsInProgress: new Set(),
      sourceIp,
    };
    this.connections.add(connection);
    this.options.log.debug('realtime.connected', {
      authorized: !(caller instanceof RequestRefusedError),
      mode: caller instanceof RequestRefusedError ? null : caller.mode,
    });
    socket.on('message', (data) => void this.onMessage(connection, data));
    socket.on('close', () => this.drop(connection));
    socket.on('error', (error) => {
      this.options.log.error('realtime.socket', error);
      this.drop(connection);
    });
    if (caller instanceof RequestRefusedError) {
      // A client that never speaks still learns why it was refused, and the socket is freed.
      setTimeout(() => {
        if (socket.readyState === WebSocket.OPEN) this.refuseConnection(connection, caller);
      }, refusedConnectionGraceMs).unref();
    }
  }

  private drop(connection: RealtimeConnection): void {
    clearInterval(connection.keepAlive);
    connection.subscriptions.clear();
    connection.startsInProgress.clear();
    this.connections.delete(connection);
  }

  /** Refuses a connection whose handshake authorization failed, as AppSync does. */
  private refuseConnection(connection: RealtimeConnection, refusal: RequestRefusedError): void {
    connection.socket.send(
      JSON.stringify({
        type: 'connection_error',
        payload: {
          errors: [{ errorType: refusal.errorType, message: refusal.message, errorCode: refusal.httpStatus }],
        },
      }),
    );
    connection.socket.close(1000);
  }

  private async onMessage(connection: RealtimeConnection, data: RawData): Promise<void> {
    let message: { type?: unknown; id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      connection.socket.send(
        errorMessage(undefined, [
          { errorType: 'UnsupportedOperation', message: 'Message is not valid JSON.' },
        ]),
      );
      return;
    }
    if (connection.caller instanceof RequestRefusedError) {
      this.refuseConnection(connection, connection.caller);
      return;
    }
    const id = typeof message.id === 'string' ? message.id : undefined;
    switch (message.type) {
      case 'connection_init':
        connection.socket.send(
          JSON.stringify({
            type: 'connection_ack',
            payload: { connectionTimeoutMs: realtimeLimits.connectionTimeoutMs },
          }),
        );
        this.startKeepAlive(connection);
        return;
      case 'start':
        this.startKeepAlive(connection);
        try {
          await this.start(connection, id, (message.payload ?? {}) as StartPayload);
        } catch (error) {
          // As on the HTTP endpoint: the client learns of an internal failure, the cause goes to the log.
          this.options.log.error('realtime.start', error, { id });
          connection.socket.send(errorMessage(id, [internalFailure]));
        }
        return;
      case 'stop':
        if (id !== undefined) {
          connection.subscriptions.delete(id);
          connection.startsInProgress.delete(id);
          connection.socket.send(JSON.stringify({ type: 'complete', id }));
          this.options.log.debug('realtime.stop', { id });
        }
        return;
      default:
        connection.socket.send(
          errorMessage(id, [
            {
              errorType: 'UnsupportedOperation',
              message: `Operation ${String(message.type)} is not supported.`,
            },
          ]),
        );
    }
  }

  private startKeepAlive(connection: RealtimeConnection): void {
    if (connection.keepAlive) return;
    const sendKeepAlive = () => {
      if (connection.socket.readyState === WebSocket.OPEN)
        connection.socket.send(JSON.stringify({ type: 'ka' }));
    };
    sendKeepAlive();
    connection.keepAlive = setInterval(sendKeepAlive, this.options.keepAliveIntervalMs);
    connection.keepAlive.unref();
  }

  private async start(
    connection: RealtimeConnection,
    id: string | undefined,
    payload: StartPayload,
  ): Promise<void> {
    const refuse = (errors: readonly AppSyncResponseError[]) => {
      connection.socket.send(errorMessage(id, errors));
      this.options.log.debug('realtime.start.refused', { id, errors });
    };
    if (id === undefined)
      return refuse([{ errorType: 'BadRequestException', message: 'A start message needs an id.' }]);
    if (connection.subscriptions.has(id) || connection.startsInProgress.has(id)) {
      return refuse([
        { errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` },
      ]);
    }
    if (
      connection.subscriptions.size + connection.startsInProgress.size >=
      realtimeLimits.subscriptionsPerConnection
    ) {
      return refuse([
        {
          errorType: 'MaxSubscriptionsReachedError',
          message: `Max number of ${realtimeLimits.subscriptionsPerConnection} subscriptions reached`,
        },
      ]);
    }
    connection.startsInProgress.add(id);
    try {
      await this.establish(connection, id, payload, refuse);
    } finally {
      connection.startsInProgress.delete(id);
    }
  }

  /** Authorizes a start, runs its subscription resolver and, unless stopped meanwhile, registers it. */
  private async establish(
    connection: RealtimeConnection,
    id: string,
    payload: StartPayload,
    refuse: (errors: readonly AppSyncResponseError[]) => void,
  ): Promise<void> {
    if (typeof payload.data !== 'string') {
      return refuse([{ errorType: 'BadRequestException', message: 'payload.data must be a JSON string.' }]);
    }
    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(payload.data) as typeof request;
    } catch {
      return refuse([{ errorType: 'BadRequestException', message: 'payload.data is not valid JSON.' }]);
    }
    if (typeof request.query !== 'string') {
      return refuse([{ errorType: 'BadRequestException', message: 'payload.data needs a query.' }]);
    }
    const variables = (
      typeof request.variables === 'object' && request.variables !== null ? request.variables : {}
    ) as Record<string, unknown>;
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;

    let caller: AuthorizedCaller;
    try {
      const authRequest: AuthRequest = {
        method: 'POST',
        path: this.options.graphqlPath,
        headers: lowerCaseHeaders(payload.extensions?.authorization ?? {}),
        body: payload.data,
        sourceIp: connection.sourceIp,
        queryString: request.query,
        ...(operationName ? { operationName } : {}),
        variables,
      };
      caller = await this.options.authenticator.authenticate(authRequest);
    } catch (error) {
      if (!(error instanceof RequestRefusedError)) throw error;
      // AppSync reports a bad signature on a subscription as a bad request.
      const errorType = error instanceof InvalidSignatureError ? 'BadRequestException' : error.errorType;
      return refuse([{ errorType, message: error.message }]);
    }

    const prepared = this.options.executor.prepare(request.query, operationName);
    if (Array.isArray(prepared)) return refuse(prepared);
    if (prepared.operation.operation !== 'subscription') {
      return refuse([
        {
          errorType: 'UnsupportedOperation',
          message: 'Only subscriptions are served on the real-time endpoint.',
        },
      ]);
    }
    const schema = this.options.executor.schema;
    const subscriptionType = schema.getSubscriptionType() as GraphQLObjectType;
    const [fieldNode] = prepared.operation.selectionSet.selections.filter(
      (selection): selection is FieldNode => selection.kind === Kind.FIELD,
    );
    const field = fieldNode ? subscriptionType.getFields()[fieldNode.name.value] : undefined;
    if (!fieldNode || !field) {
      return refuse([{ errorType: 'BadRequestException', message: 'The subscription selects no field.' }]);
    }
    const locations = fieldNode.loc
      ? [{ line: fieldNode.loc.startToken.line, column: fieldNode.loc.startToken.column, sourceName: null }]
      : null;
    if (!this.options.executor.access.allows(caller, subscriptionType, field)) {
      return refuse([
        {
          path: [fieldNode.alias?.value ?? field.name],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations,
          message: notAuthorizedToAccess(field.name, subscriptionType.name),
        },
      ]);
    }
    const coerced = getVariableValues(schema, prepared.operation.variableDefinitions ?? [], variables);
    if (coerced.errors) {
      return refuse(coerced.errors.map((error) => ({ path: null, locations: null, message: error.message })));
    }
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, fieldNode, coerced.coerced);
    } catch (error) {
      return refuse([{ path: null, locations, message: (error as Error).message }]);
    }

    let filter: SubscriptionFilter | null = null;
    let invalidationFilter: SubscriptionFilter | null = null;
    if (this.options.engine.has(subscriptionType.name, field.name)) {
      const outcome = await this.options.engine.resolve({
        typeName: subscriptionType.name,
        fieldName: field.name,
        arguments: args,
        source: null,
        identity: caller.identity,
        request: { headers: lowerCaseHeaders(payload.extensions?.authorization ?? {}), domainName: null },
        info: {
          fieldName: field.name,
          parentTypeName: subscriptionType.name,
          variables: coerced.coerced,
          selectionSetList: selectionSetList([fieldNode], prepared.fragments),
          selectionSetGraphQL: selectionSetGraphQL([fieldNode], prepared.fragments),
        },
      });
      if (outcome.errors.length > 0) {
        return refuse(
          outcome.errors.map((error) => ({
            path: [fieldNode.alias?.value ?? field.name],
            data: error.data ?? null,
            errorType: error.errorType ?? null,
            errorInfo: error.errorInfo ?? null,
            locations,
            message: error.message,
          })),
        );
      }
      try {
        const { subscriptionFilter, subscriptionInvalidationFilter } = outcome.extensions;
        if (subscriptionFilter !== undefined && subscriptionFilter !== null) {
          filter = parseSubscriptionFilter(subscriptionFilter);
        }
        if (subscriptionInvalidationFilter !== undefined && subscriptionInvalidationFilter !== null) {
          invalidationFilter = parseSubscriptionFilter(subscriptionInvalidationFilter);
        }
      } catch (error) {
        if (!(error instanceof InvalidSubscriptionFilterError)) throw error;
        return refuse([{ errorType: 'BadRequestException', message: error.message }]);
      }
    }

    // A stop (or the connection closing) while this start awaited: it already has its `complete`.
    if (!connection.startsInProgress.has(id)) return;
    connection.subscriptions.set(id, {
      id,
      connection,
      field,
      fieldNodes: [fieldNode],
      responseKey: fieldNode.alias?.value ?? field.name,
      fragments: prepared.fragments,
      args,
      filter,
      invalidationFilter,
    });
    connection.socket.send(JSON.stringify({ type: 'start_ack', id }));
    this.options.log.debug('realtime.start', {
      id,
      field: field.name,
      mode: caller.mode,
      enhancedFilter: filter !== null,
    });
  }

  /** Delivers a published mutation to every matching subscriber; returns how many received it. */
  publish(event: PublishedMutation): number {
    let delivered = 0;
    for (const connection of this.connections) {
      for (const subscription of connection.subscriptions.values()) {
        if (!this.mutationsBySubscriptionField.get(subscription.field.name)?.has(event.mutationField))
          continue;
        const matches = subscription.filter
          ? matchesEnhancedFilter(event.payload, subscription.filter)
          : matchesArguments(event.payload, subscription.args);
        if (!matches) continue;
        const data = {
          [subscription.responseKey]: projectForSubscriber(
            event.payload,
            subscription.fieldNodes,
            subscription.field.type,
            subscription.fragments,
          ),
        };
        const message = JSON.stringify({ type: 'data', id: subscription.id, payload: { data } });
        if (Buffer.byteLength(message) > realtimeLimits.payloadBytes) {
          connection.socket.send(
            errorMessage(subscription.id, [
              {
                errorType: 'LimitExceededError',
                message: `Subscription payload exceeds the ${realtimeLimits.payloadBytes / 1024} KB limit.`,
              },
            ]),
          );
          continue;
        }
        connection.socket.send(message);
        delivered += 1;
      }
    }
    this.options.log.debug('realtime.publish', { mutation: event.mutationField, delivered });
    return delivered;
  }

  /**
   * `extensions.invalidateSubscriptions({ subscriptionField, payload })` from a mutation: every
   * subscription on that field whose invalidation filter matches the payload is ended, and its
   * client told with `complete`.
   */
  invalidate(invalidation: unknown): number {
    const { subscriptionField, payload } = (invalidation ?? {}) as {
      subscriptionField?: unknown;
      payload?: unknown;
    };
    let ended = 0;
    for (const connection of this.connections) {
      for (const subscription of [...connection.subscriptions.values()]) {
        if (subscription.field.name !== subscriptionField || !subscription.invalidationFilter) continue;
        if (!matchesEnhancedFilter(payload ?? {}, subscription.invalidationFilter)) continue;
        connection.subscriptions.delete(subscription.id);
        connection.socket.send(JSON.stringify({ type: 'complete', id: subscription.id }));
        ended += 1;
      }
    }
    this.options.log.debug('realtime.invalidate', { subscriptionField, ended });
    return ended;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) {
      clearInterval(connection.keepAlive);
      connection.socket.terminate();
    }
    this.connections.clear();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }
}
