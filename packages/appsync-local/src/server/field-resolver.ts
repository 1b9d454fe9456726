/**
 * How each field of an operation resolves: checked against the auth directives, run through the
 * resolver engine when a resolver is attached to it, otherwise read from its parent's value.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { FieldInvocation, FieldOutcome, ResolverEngine } from '../engine/types.ts';
import type { FieldAccess } from './auth/field-access.ts';
import { notAuthorizedToAccess } from './errors.ts';
import type { OperationContext } from './operation-context.ts';
import type { PreparedOperation } from './prepared-operation.ts';
import { AppSyncFieldError, resolverErrorShaper } from './response-errors.ts';
import { selectionSetGraphQL, selectionSetList } from './selection.ts';

type Fragments = PreparedOperation['fragments'];

export function operationFieldResolver(
  prepared: PreparedOperation,
  access: FieldAccess,
  engine: ResolverEngine,
): GraphQLFieldResolver<unknown, OperationContext> {
  return (source, args, context, info) => {
    const type = info.parentType;
    const field = type.getFields()[info.fieldName];
    if (!field) return null;
    if (!access.allows(context.caller, type, field)) {
      throw new AppSyncFieldError(notAuthorizedToAccess(info.fieldName, type.name), 'Unauthorized');
    }
    if (!engine.has(type.name, info.fieldName)) return defaultFieldResolver(source, args, context, info);
    return resolveWithEngine(engine, prepared.fragments, source, args, context, info);
  };
}

async function resolveWithEngine(
  engine: ResolverEngine,
  fragments: Fragments,
  source: unknown,
  args: Record<string, unknown>,
  context: OperationContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const started = performance.now();
  const outcome = await engine.resolve(fieldInvocation(fragments, source, args, context, info));
  context.resolverTimings.push({
    typeName: info.parentType.name,
    fieldName: info.fieldName,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    errors: outcome.errors.length,
  });
  context.invalidations.push(...(outcome.extensions.invalidateSubscriptions ?? []));
  return fieldValue(outcome, context, info);
}

function fieldInvocation(
  fragments: Fragments,
  source: unknown,
  args: Record<string, unknown>,
  context: OperationContext,
  info: GraphQLResolveInfo,
): FieldInvocation {
  const isRoot = info.path.prev === undefined;
  return {
    typeName: info.parentType.name,
    fieldName: info.fieldName,
    arguments: args,
    source:
      isRoot || typeof source !== 'object' || source === null ? null : (source as Record<string, unknown>),
    identity: context.caller.identity,
    request: { headers: context.headers, domainName: context.domainName },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: info.variableValues,
      selectionSetList: selectionSetList(info.fieldNodes, fragments),
      selectionSetGraphQL: selectionSetGraphQL(info.fieldNodes, fragments),
    },
  };
}

function fieldValue(outcome: FieldOutcome, context: OperationContext, info: GraphQLResolveInfo): unknown {
  const toResponseError = resolverErrorShaper(info.fieldNodes, info.path);
  const [first, ...rest] = outcome.errors;
  if (first && (outcome.data === null || outcome.data === undefined)) {
    // The field failed: graphql-js records the first error and applies non-null propagation.
    context.appendedErrors.push(...rest.map(toResponseError));
    throw AppSyncFieldError.from(first);
  }
  context.appendedErrors.push(...outcome.errors.map(toResponseError));
  return outcome.data;
}
