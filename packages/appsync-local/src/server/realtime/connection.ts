/**
 * One real-time WebSocket connection: who it was authorized as at the handshake, its
 * subscriptions, the starts still on their way to becoming one, and the error message
 * AppSync sends on it.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLField } from 'graphql';
import type { WebSocket } from 'ws';
import type { AuthorizedCaller } from '../auth/modes.ts';
import type { AppSyncResponseError, RequestRefusedError } from '../errors.ts';
import type { SubscriptionFilter } from './filters.ts';

/** AppSync's documented limits. */
export const realtimeLimits = {
  connectionTimeoutMs: 300_000,
  subscriptionsPerConnection: 100,
  payloadBytes: 240 * 1024,
} as const;

export interface ActiveSubscription {
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

export interface RealtimeConnection {
  readonly socket: WebSocket;
  readonly caller: AuthorizedCaller | RequestRefusedError;
  readonly subscriptions: Map<string, ActiveSubscription>;
  /** Ids of starts still being authorized or resolved; a stop takes its id out of here. */
  readonly startsInProgress: Set<string>;
  readonly sourceIp: string;
  keepAlive?: NodeJS.Timeout;
}

/** An `error` message, about one operation when it has an id. */
export function errorMessage(id: string | undefined, errors: readonly AppSyncResponseError[]): string {
  return JSON.stringify({ type: 'error', ...(id === undefined ? {} : { id }), payload: { errors } });
}
