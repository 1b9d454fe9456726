/** A GraphQL document parsed, held to the query limits and validated, with the operation a request runs. */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { type AppSyncResponseError, OperationRefusedError } from './errors.ts';
import {
  assertParsableNesting,
  assertWithinLimits,
  documentBounds,
  type QueryLimits,
  type ResolverLookup,
} from './query-limits.ts';
import { graphQLResponseError, validationResponseError } from './response-errors.ts';

/** A parsed and validated operation, ready to run. */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

/** What a document is held to before it runs. */
export interface PreparationRules {
  readonly schema: GraphQLSchema;
  readonly limits: QueryLimits;
  readonly hasResolver: ResolverLookup;
}

/**
 * Parses, checks the query limits (before validation: graphql-js validates recursively) and
 * validates; returns AppSync-shaped errors when the document is not runnable.
 */
export function prepareOperation(
  query: string,
  operationName: string | null | undefined,
  rules: PreparationRules,
): PreparedOperation | AppSyncResponseError[] {
  const document = parseWithinBounds(query, rules.limits);
  if (Array.isArray(document)) return document;
  const operation = selectOperation(document, operationName);
  if (operation) {
    const refusal = limitsRefusal(document, operation, rules);
    if (refusal) return [refusal];
  }
  const validationErrors = validate(rules.schema, document);
  if (validationErrors.length > 0) return validationErrors.map((error) => validationResponseError(error));
  if (!operation) return [unselectedOperationError(operationName)];
  return { document, operation, fragments: fragmentsByName(document) };
}

function parseWithinBounds(query: string, limits: QueryLimits): DocumentNode | AppSyncResponseError[] {
  try {
    assertParsableNesting(query, limits);
    return parse(query, { maxLexicalTokens: documentBounds.maxTokens });
  } catch (error) {
    if (error instanceof OperationRefusedError) return [error.toResponseError()];
    // Anything but a syntax error (a stack overflow the bounds missed) is the server's failure, not the client's message.
    if (!(error instanceof GraphQLError)) throw error;
    return [graphQLResponseError(error)];
  }
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

function limitsRefusal(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rules: PreparationRules,
): AppSyncResponseError | undefined {
  try {
    assertWithinLimits(rules.schema, document, operation, rules.limits, rules.hasResolver);
    return undefined;
  } catch (error) {
    if (error instanceof OperationRefusedError) return error.toResponseError();
    throw error;
  }
}

function unselectedOperationError(operationName: string | null | undefined): AppSyncResponseError {
  return {
    path: null,
    locations: null,
    message: operationName
      ? `Unknown operation named '${operationName}'.`
      : 'Must provide operation name if query contains multiple operations.',
  };
}

function fragmentsByName(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
