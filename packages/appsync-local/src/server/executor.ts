/**
 * Executes GraphQL operations as AppSync does: graphql-js over the API schema, each field
 * checked against the auth directives, fields with an attached resolver run through the
 * resolver engine, other fields read from their parent's value, errors in AppSync's shape.
 */
import {
  defaultFieldResolver,
  type DocumentNode,
  execute,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  type ResponsePath,
  responsePathAsArray,
  validate,
} from 'graphql';
import type { AppSyncError, ResolverEngine } from '../engine/types.ts';
import { FieldAccess } from './auth/field-access.ts';
import type { AuthorizedCaller } from './auth/modes.ts';
import {
  type AppSyncResponseError,
  type GraphQLErrorLocation,
  internalFailure,
  notAuthorizedToAccess,
  OperationRefusedError,
} from './errors.ts';
import {
  assertParsableNesting,
  assertWithinLimits,
  documentBounds,
  type QueryLimits,
} from './query-limits.ts';
import { InvalidScalarValueError } from './scalars.ts';
import { selectionSetGraphQL, selectionSetList } from './selection.ts';

/** An error a field ended with, carrying AppSync's `errorType`, `data` and `errorInfo`. */
export class AppSyncFieldError extends Error {
  constructor(
    message: string,
    readonly errorType: string | null,
    readonly data: unknown = null,
    readonly errorInfo: unknown = null,
  ) {
    super(message);
    this.name = 'AppSyncFieldError';
  }

  static from(error: AppSyncError): AppSyncFieldError {
    return new AppSyncFieldError(
      error.message,
      error.errorType ?? null,
      error.data ?? null,
      error.errorInfo ?? null,
    );
  }
}

/** A parsed and validated operation, ready to run. */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

export interface ResolverTiming {
  readonly typeName: string;
  readonly fieldName: string;
  readonly durationMs: number;
  readonly errors: number;
}

/** Per-operation state shared by the field resolvers. */
export interface OperationContext {
  readonly caller: AuthorizedCaller;
  readonly headers: Readonly<Record<string, string>>;
  readonly domainName: string | null;
  /** Errors a resolver appended (`util.appendError`) alongside a value. */
  readonly appendedErrors: AppSyncResponseError[];
  readonly resolverTimings: ResolverTiming[];
  /** `extensions.invalidateSubscriptions(...)` calls of every resolver that ran. */
  readonly invalidations: unknown[];
}

export interface OperationResult {
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly AppSyncResponseError[];
}

const toLocations = (error: GraphQLError): GraphQLErrorLocation[] | null =>
  error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null;

/** graphql-js messages rephrased where AppSync words the same failure differently. */
function appSyncMessage(error: GraphQLError): string {
  if (error.originalError instanceof InvalidScalarValueError) {
    const variable = /^Variable "\$(\w+)" got invalid value/.exec(error.message);
    if (variable) return `Variable '${variable[1]}' has an invalid value. ${error.originalError.message}`;
  }
  return error.message;
}

/** AppSync (graphql-java) words the commonest validation failure its own way; others keep graphql-js's text. */
function validationMessage(error: GraphQLError): string {
  const undefinedField = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (undefinedField) {
    const [, field, type] = undefinedField;
    return `Validation error of type FieldUndefined: Field '${field}' in type '${type}' is undefined @ '${field}'`;
  }
  return `Validation error: ${error.message}`;
}

function formatGraphQLError(error: GraphQLError): AppSyncResponseError {
  const original = error.originalError;
  if (original instanceof AppSyncFieldError) {
    return {
      path: error.path ?? null,
      data: original.data,
      errorType: original.errorType,
      errorInfo: original.errorInfo,
      locations: toLocations(error),
      message: original.message,
    };
  }
  return { path: error.path ?? null, locations: toLocations(error), message: appSyncMessage(error) };
}

/** The operation a request names, or its only one. */
function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((candidate) => candidate.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export interface GraphQLExecutorOptions {
  readonly defaultMode: AuthorizedCaller['mode'];
  readonly limits: QueryLimits;
  /** Receives what a field threw inside the server; its client is told only that the field failed. */
  readonly onInternalFailure: (error: unknown) => void;
}

/** Distinct documents kept prepared; past it the oldest is forgotten. */
const maxPreparedOperations = 1000;

export class GraphQLExecutor {
  readonly access: FieldAccess;
  private readonly limits: QueryLimits;
  /**
   * Prepared operations by operation name and query text: clients send the same few documents
   * again and again, and the schema does not change, so each is parsed and validated once.
   */
  private readonly preparedOperations = new Map<string, PreparedOperation>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly engine: ResolverEngine,
    private readonly options: GraphQLExecutorOptions,
  ) {
    this.access = new FieldAccess(options.defaultMode);
    this.limits = options.limits;
  }

  /**
   * Parses, checks the query limits (before validation: graphql-js validates recursively) and
   * validates; returns AppSync-shaped errors when the document is not runnable.
   */
  prepare(
    query: string,
    operationName: string | null | undefined,
  ): PreparedOperation | AppSyncResponseError[] {
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.preparedOperations.get(key);
    if (known) return known;
    const prepared = this.prepareDocument(query, operationName);
    if (!Array.isArray(prepared)) {
      if (this.preparedOperations.size >= maxPreparedOperations) {
        this.preparedOperations.delete(this.preparedOperations.keys().next().value as string);
      }
      this.preparedOperations.set(key, prepared);
    }
    return prepared;
  }

  private prepareDocument(
    query: string,
    operationName: string | null | undefined,
  ): PreparedOperation | AppSyncResponseError[] {
    const document = this.parseWithinBounds(query);
    if (Array.isArray(document)) return document;
    const operation = selectOperation(document, operationName);
    if (operation) {
      try {
        assertWithinLimits(this.schema, document, operation, this.limits, (typeName, fieldName) =>
          this.engine.has(typeName, fieldName),
        );
      } catch (error) {
        if (error instanceof OperationRefusedError) return [error.toResponseError()];
        throw error;
      }
    }
    const validationErrors = validate(this.schema, document);
    if (validationErrors.length > 0) {
      return validationErrors.map((error) => ({
        path: null,
        locations: toLocations(error),
        message: validationMessage(error),
      }));
    }
    if (!operation) {
      return [
        {
          path: null,
          locations: null,
          message: operationName
            ? `Unknown operation named '${operationName}'.`
            : 'Must provide operation name if query contains multiple operations.',
        },
      ];
    }
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return { document, operation, fragments };
  }

  private parseWithinBounds(query: string): DocumentNode | AppSyncResponseError[] {
    try {
      assertParsableNesting(query, this.limits);
      return parse(query, { maxLexicalTokens: documentBounds.maxTokens });
    } catch (error) {
      if (error instanceof OperationRefusedError) return [error.toResponseError()];
      // Anything but a syntax error (a stack overflow the bounds missed) is the server's failure, not the client's message.
      if (!(error instanceof GraphQLError)) throw error;
      return [formatGraphQLError(error)];
    }
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
      fieldResolver: this.fieldResolver(prepared),
    })) as ExecutionResult;
    return {
      data: (result.data as Record<string, unknown> | null | undefined) ?? null,
      errors: [
        ...(result.errors ?? []).map((error) => this.formatFieldError(error)),
        ...context.appendedErrors,
      ],
    };
  }

  /** A field's error; anything thrown that is neither GraphQL's nor a resolver's is the server's own failure. */
  private formatFieldError(error: GraphQLError): AppSyncResponseError {
    const original = error.originalError;
    if (
      original === undefined ||
      original instanceof GraphQLError ||
      original instanceof AppSyncFieldError ||
      original instanceof InvalidScalarValueError
    )
      return formatGraphQLError(error);
    this.options.onInternalFailure(original);
    return { path: error.path ?? null, locations: toLocations(error), ...internalFailure };
  }

  private fieldResolver(prepared: PreparedOperation): GraphQLFieldResolver<unknown, OperationContext> {
    return (source, args, context, info) => {
      const type = info.parentType;
      const field = type.getFields()[info.fieldName];
      if (!field) return null;
      if (!this.access.allows(context.caller, type, field)) {
        throw new AppSyncFieldError(notAuthorizedToAccess(info.fieldName, type.name), 'Unauthorized');
      }
      if (!this.engine.has(type.name, info.fieldName))
        return defaultFieldResolver(source, args, context, info);
      return this.resolveWithEngine(
        prepared,
        source,
        args,
        context,
        info.fieldNodes,
        type.name,
        info.fieldName,
        info.variableValues,
        info.path,
      );
    };
  }

  private async resolveWithEngine(
    prepared: PreparedOperation,
    source: unknown,
    args: Record<string, unknown>,
    context: OperationContext,
    fieldNodes: readonly FieldNode[],
    typeName: string,
    fieldName: string,
    variables: Record<string, unknown>,
    path: ResponsePath,
  ): Promise<unknown> {
    const isRoot = path.prev === undefined;
    const started = performance.now();
    const outcome = await this.engine.resolve({
      typeName,
      fieldName,
      arguments: args,
      source:
        isRoot || typeof source !== 'object' || source === null ? null : (source as Record<string, unknown>),
      identity: context.caller.identity,
      request: { headers: context.headers, domainName: context.domainName },
      info: {
        fieldName,
        parentTypeName: typeName,
        variables,
        selectionSetList: selectionSetList(fieldNodes, prepared.fragments),
        selectionSetGraphQL: selectionSetGraphQL(fieldNodes, prepared.fragments),
      },
    });
    context.resolverTimings.push({
      typeName,
      fieldName,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      errors: outcome.errors.length,
    });
    context.invalidations.push(...(outcome.extensions.invalidateSubscriptions ?? []));
    const [first, ...rest] = outcome.errors;
    const locations = fieldNodes
      .map((node) => node.loc?.startToken)
      .flatMap((token) => (token ? [{ line: token.line, column: token.column, sourceName: null }] : []));
    const toResponseError = (error: AppSyncError): AppSyncResponseError => ({
      path: responsePathAsArray(path),
      data: error.data ?? null,
      errorType: error.errorType ?? null,
      errorInfo: error.errorInfo ?? null,
      locations,
      message: error.message,
    });
    if (first && (outcome.data === null || outcome.data === undefined)) {
      // The field failed: graphql-js records the first error and applies non-null propagation.
      context.appendedErrors.push(...rest.map(toResponseError));
      throw AppSyncFieldError.from(first);
    }
    context.appendedErrors.push(...outcome.errors.map(toResponseError));
    return outcome.data;
  }
}
