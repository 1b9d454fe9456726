/**
 * What a mutation publishes and what each subscriber receives. AppSync publishes the
 * mutation's response (only the fields the mutation selected); each subscriber gets that
 * payload shaped by its own selection set, with fields the mutation did not select as null.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLOutputType,
  isAbstractType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { collectFieldNodes } from '../selection.ts';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** A mutation response value re-keyed from response keys (aliases) to field names. */
export function unaliasResponse(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
): unknown {
  if (value === null || value === undefined || !selectionSet) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => unaliasResponse(item, selectionSet, fragments));
  if (typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const field of collectFieldNodes(selectionSet, fragments)) {
    const name = field.name.value;
    const responseKey = field.alias?.value ?? name;
    if (!(responseKey in source) || name in result) continue;
    result[name] = unaliasResponse(source[responseKey], field.selectionSet, fragments);
  }
  return result;
}

/** The payload shaped by a subscriber's selection set (keys are its aliases). */
export function projectForSubscriber(
  payload: unknown,
  fieldNodes: readonly FieldNode[],
  type: GraphQLOutputType,
  fragments: Fragments,
): unknown {
  if (payload === null || payload === undefined) return null;
  if (Array.isArray(payload))
    return payload.map((item) => projectForSubscriber(item, fieldNodes, type, fragments));
  const namedType = getNamedType(type);
  if (!isObjectType(namedType) && !isAbstractType(namedType)) return payload;
  if (typeof payload !== 'object') return null;
  const source = payload as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  const fields = isObjectType(namedType) ? namedType.getFields() : {};
  for (const fieldNode of fieldNodes.flatMap((node) => collectFieldNodes(node.selectionSet, fragments))) {
    const name = fieldNode.name.value;
    const responseKey = fieldNode.alias?.value ?? name;
    if (name === '__typename') {
      result[responseKey] = typeof source['__typename'] === 'string' ? source['__typename'] : namedType.name;
      continue;
    }
    const fieldType = fields[name]?.type;
    const value = source[name];
    result[responseKey] =
      fieldType && fieldNode.selectionSet
        ? projectForSubscriber(value, [fieldNode], fieldType, fragments)
        : (value ?? null);
  }
  return result;
}
