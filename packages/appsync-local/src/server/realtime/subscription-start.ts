/**
 * A `start` message becoming a subscription, one step after another:
 * admitStart → parseStart → authorizeStart → validateStart → resolveSubscriptionFilter →
 * registerSubscription. A step that refuses throws a StartRefusedError with the errors AppSync
 * sends back for the start's id; anything else is an internal failure for the caller to report.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { ResolverEngine, ResolverExtensions } from '../../engine/types.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { AuthorizedCaller } from '../auth/modes.ts';
import {
  type AppSyncResponseError,
  type GraphQLErrorLocation,
  InvalidSignatureError,
  notAuthorizedToAccess,
  RequestRefusedError,
} from '../errors.ts';
import type { GraphQLExecutor } from '../executor.ts';
import type { PreparedOperation } from '../prepared-operation.ts';
import type { ServerLog } from '../log.ts';
import { selectionSetGraphQL, selectionSetList } from '../selection.ts';
import {
  type ActiveSubscription,
  errorMessage,
  realtimeLimits,
  type RealtimeConnection,
} from './connection.ts';
import {
  InvalidSubscriptionFilterError,
  parseSubscriptionFilter,
  type SubscriptionFilter,
} from './filters.ts';
import { lowerCaseHeaders } from './handshake.ts';

export interface StartPayload {
  readonly data?: unknown;
  readonly extensions?: { readonly authorization?: Record<string, unknown> };
}

export interface SubscriptionStartDependencies {
  readonly graphqlPath: string;
  readonly executor: GraphQLExecutor;
  readonly engine: ResolverEngine;
  readonly authenticator: Authenticator;
  readonly log: ServerLog;
}

/** A start refused before it became a subscription, with the errors its client is sent. */
export class StartRefusedError extends Error {
  constructor(readonly errors: readonly AppSyncResponseError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'StartRefusedError';
  }
}

const badRequest = (message: string) =>
  new StartRefusedError([{ errorType: 'BadRequestException', message }]);

/** The operation a start carries in `payload.data`, with the authorization sent beside it. */
interface StartRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | undefined;
  /** `payload.data` as sent: the body a SigV4 signature covers. */
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** The subscription field a start selects, with its arguments coerced against the schema. */
interface SubscriptionTarget {
  readonly subscriptionType: GraphQLObjectType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly fieldNode: FieldNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Record<string, unknown>;
  readonly args: Record<string, unknown>;
  /** Where the field stands in the query, for the errors about it. */
  readonly locations: readonly GraphQLErrorLocation[] | null;
}

interface SubscriptionFilters {
  readonly filter: SubscriptionFilter | null;
  readonly invalidationFilter: SubscriptionFilter | null;
}

/**
 * Answers a start with `start_ack`, or with an `error` for its id when refused; a start
 * stopped while it was being authorized or resolved is dropped silently (its stop was answered).
 */
export async function startSubscription(
  dependencies: SubscriptionStartDependencies,
  connection: RealtimeConnection,
  id: string | undefined,
  payload: StartPayload,
): Promise<void> {
  try {
    const admittedId = admitStart(connection, id);
    connection.startsInProgress.add(admittedId);
    try {
      await establishSubscription(dependencies, connection, admittedId, payload);
    } finally {
      connection.startsInProgress.delete(admittedId);
    }
  } catch (error) {
    if (!(error instanceof StartRefusedError)) throw error;
    connection.socket.send(errorMessage(id, error.errors));
    dependencies.log.debug('realtime.start.refused', { id, errors: error.errors });
  }
}

async function establishSubscription(
  dependencies: SubscriptionStartDependencies,
  connection: RealtimeConnection,
  id: string,
  payload: StartPayload,
): Promise<void> {
  const request = parseStart(payload);
  const caller = await authorizeStart(dependencies, connection, request);
  const target = validateStart(dependencies.executor, caller, request);
  const filters = await resolveSubscriptionFilter(dependencies.engine, caller, request, target);
  if (!registerSubscription(connection, id, target, filters)) return;
  dependencies.log.debug('realtime.start', {
    id,
    field: target.field.name,
    mode: caller.mode,
    enhancedFilter: filters.filter !== null,
  });
}

/** The start's id, once it is known to be new on the connection and within its subscription limit. */
function admitStart(connection: RealtimeConnection, id: string | undefined): string {
  if (id === undefined) throw badRequest('A start message needs an id.');
  if (connection.subscriptions.has(id) || connection.startsInProgress.has(id)) {
    throw new StartRefusedError([
      { errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` },
    ]);
  }
  if (
    connection.subscriptions.size + connection.startsInProgress.size >=
    realtimeLimits.subscriptionsPerConnection
  ) {
    throw new StartRefusedError([
      {
        errorType: 'MaxSubscriptionsReachedError',
        message: `Max number of ${realtimeLimits.subscriptionsPerConnection} subscriptions reached`,
      },
    ]);
  }
  return id;
}

function parseStart(payload: StartPayload): StartRequest {
  if (typeof payload.data !== 'string') throw badRequest('payload.data must be a JSON string.');
  let request: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(payload.data) as typeof request;
  } catch {
    throw badRequest('payload.data is not valid JSON.');
  }
  if (typeof request.query !== 'string') throw badRequest('payload.data needs a query.');
  return {
    query: request.query,
    variables: (typeof request.variables === 'object' && request.variables !== null
      ? request.variables
      : {}) as Record<string, unknown>,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    body: payload.data,
    headers: lowerCaseHeaders(payload.extensions?.authorization ?? {}),
  };
}

/** The caller a start's own authorization speaks for; each start is authorized on its own. */
async function authorizeStart(
  dependencies: SubscriptionStartDependencies,
  connection: RealtimeConnection,
  request: StartRequest,
): Promise<AuthorizedCaller> {
  try {
    return await dependencies.authenticator.authenticate({
      method: 'POST',
      path: dependencies.graphqlPath,
      headers: request.headers,
      body: request.body,
      sourceIp: connection.sourceIp,
      queryString: request.query,
      ...(request.operationName ? { operationName: request.operationName } : {}),
      variables: request.variables,
    });
  } catch (error) {
    if (!(error instanceof RequestRefusedError)) throw error;
    // AppSync reports a bad signature on a subscription as a bad request.
    const errorType = error instanceof InvalidSignatureError ? 'BadRequestException' : error.errorType;
    throw new StartRefusedError([{ errorType, message: error.message }]);
  }
}

/** Checks that the start is a runnable subscription the caller may select, and coerces its arguments. */
function validateStart(
  executor: GraphQLExecutor,
  caller: AuthorizedCaller,
  request: StartRequest,
): SubscriptionTarget {
  const prepared = prepareSubscription(executor, request);
  const subscriptionType = executor.schema.getSubscriptionType() as GraphQLObjectType;
  const [fieldNode] = prepared.operation.selectionSet.selections.filter(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD,
  );
  const field = fieldNode ? subscriptionType.getFields()[fieldNode.name.value] : undefined;
  if (!fieldNode || !field) throw badRequest('The subscription selects no field.');
  const locations = fieldNode.loc
    ? [{ line: fieldNode.loc.startToken.line, column: fieldNode.loc.startToken.column, sourceName: null }]
    : null;
  if (!executor.access.allows(caller, subscriptionType, field)) {
    throw new StartRefusedError([
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
  const target = { subscriptionType, field, fieldNode, fragments: prepared.fragments, locations };
  return { ...target, ...coerceArguments(executor.schema, prepared.operation, request.variables, target) };
}

function prepareSubscription(executor: GraphQLExecutor, request: StartRequest): PreparedOperation {
  const prepared = executor.prepare(request.query, request.operationName);
  if (Array.isArray(prepared)) throw new StartRefusedError(prepared);
  if (prepared.operation.operation !== 'subscription') {
    throw new StartRefusedError([
      {
        errorType: 'UnsupportedOperation',
        message: 'Only subscriptions are served on the real-time endpoint.',
      },
    ]);
  }
  return prepared;
}

function coerceArguments(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  { field, fieldNode, locations }: Pick<SubscriptionTarget, 'field' | 'fieldNode' | 'locations'>,
): Pick<SubscriptionTarget, 'variables' | 'args'> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) {
    throw new StartRefusedError(
      coerced.errors.map((error) => ({ path: null, locations: null, message: error.message })),
    );
  }
  try {
    return { variables: coerced.coerced, args: getArgumentValues(field, fieldNode, coerced.coerced) };
  } catch (error) {
    throw new StartRefusedError([{ path: null, locations, message: (error as Error).message }]);
  }
}

/**
 * Runs the subscription field's resolver, when it has one, for the enhanced and invalidation
 * filters it sets through `extensions`; without a resolver, events match on the arguments.
 */
async function resolveSubscriptionFilter(
  engine: ResolverEngine,
  caller: AuthorizedCaller,
  request: StartRequest,
  target: SubscriptionTarget,
): Promise<SubscriptionFilters> {
  const { subscriptionType, field, fieldNode, fragments } = target;
  if (!engine.has(subscriptionType.name, field.name)) return { filter: null, invalidationFilter: null };
  const outcome = await engine.resolve({
    typeName: subscriptionType.name,
    fieldName: field.name,
    arguments: target.args,
    source: null,
    identity: caller.identity,
    request: { headers: request.headers, domainName: null },
    info: {
      fieldName: field.name,
      parentTypeName: subscriptionType.name,
      variables: target.variables,
      selectionSetList: selectionSetList([fieldNode], fragments),
      selectionSetGraphQL: selectionSetGraphQL([fieldNode], fragments),
    },
  });
  if (outcome.errors.length > 0) {
    throw new StartRefusedError(
      outcome.errors.map((error) => ({
        path: [fieldNode.alias?.value ?? field.name],
        data: error.data ?? null,
        errorType: error.errorType ?? null,
        errorInfo: error.errorInfo ?? null,
        locations: target.locations,
        message: error.message,
      })),
    );
  }
  return parseFilters(outcome.extensions);
}

function parseFilters(extensions: ResolverExtensions): SubscriptionFilters {
  const parseSet = (filter: unknown) =>
    filter === undefined || filter === null ? null : parseSubscriptionFilter(filter);
  try {
    return {
      filter: parseSet(extensions.subscriptionFilter),
      invalidationFilter: parseSet(extensions.subscriptionInvalidationFilter),
    };
  } catch (error) {
    if (!(error instanceof InvalidSubscriptionFilterError)) throw error;
    throw badRequest(error.message);
  }
}

/** Registers the subscription and acknowledges it, unless it was stopped while it was on its way. */
function registerSubscription(
  connection: RealtimeConnection,
  id: string,
  target: SubscriptionTarget,
  filters: SubscriptionFilters,
): ActiveSubscription | null {
  // A stop (or the connection closing) while this start awaited: it already has its `complete`.
  if (!connection.startsInProgress.has(id)) return null;
  const subscription: ActiveSubscription = {
    id,
    connection,
    field: target.field,
    fieldNodes: [target.fieldNode],
    responseKey: target.fieldNode.alias?.value ?? target.field.name,
    fragments: target.fragments,
    args: target.args,
    ...filters,
  };
  connection.subscriptions.set(id, subscription);
  connection.socket.send(JSON.stringify({ type: 'start_ack', id }));
  return subscription;
}
