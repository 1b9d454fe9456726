/**
 * Executes GraphQL operations as AppSync does: graphql-js over the API schema, each field
 * checked against the auth directives, fields with an attached resolver run through the
 * resolver engine, other fields read from their parent's value, errors in AppSync's shape.
 */
import { execute, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ResolverEngine } from '../engine/types.ts';
import { FieldAccess } from './auth/field-access.ts';
import type { AuthorizedCaller } from './auth/modes.ts';
import type { AppSyncResponseError } from './errors.ts';
import { operationFieldResolver } from './field-resolver.ts';
import type { OperationContext } from './operation-context.ts';
import { type PreparedOperation, prepareOperation } from './prepared-operation.ts';
import { PreparedOperations } from './prepared-operations.ts';
import type { QueryLimits } from './query-limits.ts';
import { fieldResponseError } from './response-errors.ts';

export interface OperationResult {
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly AppSyncResponseError[];
}

export interface GraphQLExecutorOptions {
  readonly defaultMode: AuthorizedCaller['mode'];
  readonly limits: QueryLimits;
  /** Receives what a field threw inside the server; its client is told only that the field failed. */
  readonly onInternalFailure: (error: unknown) => void;
}

export class GraphQLExecutor {
  readonly access: FieldAccess;
  private readonly preparedOperations: PreparedOperations;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly engine: ResolverEngine,
    private readonly options: GraphQLExecutorOptions,
  ) {
    this.access = new FieldAccess(options.defaultMode);
    const rules = {
      schema,
      limits: options.limits,
      hasResolver: (typeName: string, fieldName: string) => engine.has(typeName, fieldName),
    };
    this.preparedOperations = new PreparedOperations((query, operationName) =>
      prepareOperation(query, operationName, rules),
    );
  }

  prepare(
    query: string,
    operationName: string | null | undefined,
  ): PreparedOperation | AppSyncResponseError[] {
    return this.preparedOperations.prepare(query, operationName);
  }

  async execute(
    prepared: PreparedOperation,
    variables: Readonly<Record<string, unknown>> | null | undefined,
    context: OperationContext,
  ): Promise<OperationResult> {
    const result = (await execute({
      schema: this.schema,
      document: prepared.document,
      operationName: prepared.operation.name?.value ?? null,
      variableValues: variables ?? {},
      contextValue: context,
      rootValue: {},
      fieldResolver: operationFieldResolver(prepared, this.access, this.engine),
    })) as ExecutionResult;
    return {
      data: (result.data as Record<string, unknown> | null | undefined) ?? null,
      errors: [
        ...(result.errors ?? []).map((error) => fieldResponseError(error, this.options.onInternalFailure)),
        ...context.appendedErrors,
      ],
    };
  }
}
