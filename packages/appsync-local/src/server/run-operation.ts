/**
 * One GraphQL operation over HTTP once its caller is known: prepared (a subscription is
 * pointed to the real-time endpoint), executed within AppSync's time limit, counted for usage,
 * its mutation results published to subscribers and its invalidations applied, then logged.
 */
import { type FieldNode, Kind } from 'graphql';
import type { AuthorizedCaller } from './auth/modes.ts';
import type { AppSyncResponseError } from './errors.ts';
import type { OperationResult } from './executor.ts';
import type { OperationContext } from './operation-context.ts';
import type { PreparedOperation } from './prepared-operation.ts';
import type { PublishedMutation } from './realtime/realtime-server.ts';
import { unaliasResponse } from './realtime/payload.ts';
import type { GraphQLRequestBody } from './request-body.ts';
import type { ApiParts } from './server-options.ts';

/** The operation outlived AppSync's execution limit. */
export class ExecutionTimeoutError extends Error {
  constructor() {
    super('Execution timed out.');
    this.name = 'ExecutionTimeoutError';
  }
}

export interface OperationResponse {
  readonly data: Record<string, unknown> | null;
  readonly errors?: readonly AppSyncResponseError[];
}

export async function runOperation(
  parts: ApiParts,
  body: GraphQLRequestBody,
  caller: AuthorizedCaller,
  headers: Record<string, string>,
  requestId: string,
): Promise<OperationResponse> {
  const started = performance.now();
  const prepared = parts.executor.prepare(body.query, body.operationName);
  if (Array.isArray(prepared)) {
    parts.log.debug('graphql.operation', { requestId, valid: false, errors: prepared });
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
  const result = await executeWithinTimeout(parts, prepared, body.variables, context);
  parts.onUsage?.({
    kind: 'operation',
    operation: prepared.operation.operation,
    operationName: prepared.operation.name?.value ?? null,
    mode: caller.mode,
  });
  publishMutations(parts, prepared, result);
  for (const invalidation of context.invalidations) parts.realtime.invalidate(invalidation);
  parts.log.debug('graphql.operation', {
    requestId,
    operation: prepared.operation.operation,
    operationName: prepared.operation.name?.value ?? null,
    mode: caller.mode,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    resolvers: context.resolverTimings,
    errors: result.errors,
  });
  return result.errors.length > 0 ? { data: result.data, errors: result.errors } : { data: result.data };
}

async function executeWithinTimeout(
  parts: ApiParts,
  prepared: PreparedOperation,
  variables: Record<string, unknown>,
  context: OperationContext,
): Promise<OperationResult> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    parts.executor.execute(prepared, variables, context),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ExecutionTimeoutError()), parts.requestTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Sends each non-null root field of a mutation to the subscriptions that listen for it. */
function publishMutations(parts: ApiParts, prepared: PreparedOperation, result: OperationResult): void {
  if (prepared.operation.operation !== 'mutation' || !result.data) return;
  for (const selection of prepared.operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field: FieldNode = selection;
    const value = result.data[field.alias?.value ?? field.name.value];
    if (value === null || value === undefined || !parts.realtime.publishes(field.name.value)) continue;
    const event: PublishedMutation = {
      mutationField: field.name.value,
      payload: unaliasResponse(value, field.selectionSet, prepared.fragments),
    };
    const delivered = parts.realtime.publish(event);
    parts.onUsage?.({ kind: 'realtimeMessages', mutationField: event.mutationField, delivered });
  }
}
