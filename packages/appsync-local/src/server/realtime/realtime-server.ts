/**
 * AppSync's real-time WebSocket protocol on `<graphql path>/realtime` (subprotocol
 * `graphql-ws`): authorization from the `header` query parameter or a `header-<base64url>`
 * subprotocol; connection_init → connection_ack {connectionTimeoutMs} and periodic `ka`;
 * start (authorized per subscription, the subscription's resolver run for enhanced filters)
 * → start_ack; stop → complete; events from published mutations as `data`.
 */
import { type FieldNode, type GraphQLSchema, Kind, type ListValueNode } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { AuthorizedCaller } from '../auth/modes.ts';
import { internalFailure, RequestRefusedError } from '../errors.ts';
import {
  type ActiveSubscription,
  errorMessage,
  realtimeLimits,
  type RealtimeConnection,
} from './connection.ts';
import { matchesArguments, matchesEnhancedFilter } from './filters.ts';
import { authenticateHandshake, offeredProtocols, refuseConnection } from './handshake.ts';
import { projectForSubscriber } from './payload.ts';
import {
  type StartPayload,
  startSubscription,
  type SubscriptionStartDependencies,
} from './subscription-start.ts';

/** How long a connection refused at the handshake waits for its connection_init before being told. */
const refusedConnectionGraceMs = 2000;

/** A mutation result that subscribers may receive: the mutation field and its selected fields. */
export interface PublishedMutation {
  readonly mutationField: string;
  /** Keyed by field names (not aliases), holding only the fields the mutation selected. */
  readonly payload: unknown;
}

export interface RealtimeServerOptions extends SubscriptionStartDependencies {
  /** Interval of `ka` messages; AppSync's clients expect one well within connectionTimeoutMs. */
  readonly keepAliveIntervalMs: number;
}

/** Subscription field → the mutations listed in its `@aws_subscribe`. */
function subscribedMutations(schema: GraphQLSchema): Map<string, ReadonlySet<string>> {
  const mutationsBySubscriptionField = new Map<string, ReadonlySet<string>>();
  for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
    const directive = field.astNode?.directives?.find(
      (candidate) => candidate.name.value === 'aws_subscribe',
    );
    const mutations = directive?.arguments?.find((argument) => argument.name.value === 'mutations')?.value;
    if (mutations?.kind !== Kind.LIST) continue;
    const names = (mutations as ListValueNode).values.flatMap((value) =>
      value.kind === Kind.STRING ? [value.value] : [],
    );
    mutationsBySubscriptionField.set(field.name, new Set(names));
  }
  return mutationsBySubscriptionField;
}

export class RealtimeServer {
  private readonly sockets: WebSocketServer;
  private readonly connections = new Set<RealtimeConnection>();
  /** Subscription field → the mutations listed in its `@aws_subscribe`. */
  private readonly mutationsBySubscriptionField: ReadonlyMap<string, ReadonlySet<string>>;
  readonly realtimePath: string;

  constructor(private readonly options: RealtimeServerOptions) {
    this.realtimePath = `${options.graphqlPath}/realtime`;
    this.sockets = new WebSocketServer({
      noServer: true,
      maxPayload: realtimeLimits.payloadBytes,
      handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
    });
    this.mutationsBySubscriptionField = subscribedMutations(options.executor.schema);
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
    const offered = offeredProtocols(request);
    if (!offered.includes('graphql-ws')) {
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nSubprotocol graphql-ws is required\r\n',
      );
      return;
    }
    const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
    void authenticateHandshake(this.options, url, offered, sourceIp).then((caller) => {
      if (socket.destroyed) return;
      this.sockets.handleUpgrade(request, socket, head, (webSocket) =>
        this.accept(webSocket, caller, sourceIp),
      );
    });
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
        if (socket.readyState === WebSocket.OPEN) refuseConnection(connection, caller);
      }, refusedConnectionGraceMs).unref();
    }
  }

  private drop(connection: RealtimeConnection): void {
    clearInterval(connection.keepAlive);
    connection.subscriptions.clear();
    connection.startsInProgress.clear();
    this.connections.delete(connection);
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
      refuseConnection(connection, connection.caller);
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
          await startSubscription(this.options, connection, id, (message.payload ?? {}) as StartPayload);
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
  /** Delivers a published mutation to every matching subscriber; returns how many received it. */
  publish(event: PublishedMutation): number {
    let delivered = 0;
    const dataOf = sharedProjections(event.payload);
    for (const connection of this.connections) {
      for (const subscription of connection.subscriptions.values()) {
        if (!this.mutationsBySubscriptionField.get(subscription.field.name)?.has(event.mutationField))
          continue;
        const matches = subscription.filter
          ? matchesEnhancedFilter(event.payload, subscription.filter)
          : matchesArguments(event.payload, subscription.args);
        if (!matches) continue;
        // The same text `JSON.stringify({ type, id, payload: { data } })` gives, the data serialized once per document.
        const message = `{"type":"data","id":${JSON.stringify(subscription.id)},"payload":{"data":${dataOf(subscription)}}}`;
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

/**
 * The serialized `data` of a published payload for each subscription, made once for all the
 * subscriptions that sent the same document: the executor prepares each document text once, so
 * theirs share its field node, and with it the selection, the fragments and the field's type.
 */
function sharedProjections(
  payload: PublishedMutation['payload'],
): (subscription: Pick<ActiveSubscription, 'fieldNodes' | 'responseKey' | 'field' | 'fragments'>) => string {
  const byFieldNode = new Map<FieldNode, Map<string, string>>();
  const project = (
    subscription: Pick<ActiveSubscription, 'fieldNodes' | 'responseKey' | 'field' | 'fragments'>,
  ) =>
    JSON.stringify({
      [subscription.responseKey]: projectForSubscriber(
        payload,
        subscription.fieldNodes,
        subscription.field.type,
        subscription.fragments,
      ),
    });
  return (subscription) => {
    const [fieldNode] = subscription.fieldNodes;
    if (!fieldNode || subscription.fieldNodes.length !== 1) return project(subscription);
    let byResponseKey = byFieldNode.get(fieldNode);
    if (!byResponseKey) byFieldNode.set(fieldNode, (byResponseKey = new Map()));
    let data = byResponseKey.get(subscription.responseKey);
    if (data === undefined) byResponseKey.set(subscription.responseKey, (data = project(subscription)));
    return data;
  };
}
