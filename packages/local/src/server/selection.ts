/**
 * `ctx.info.selectionSetList` and `selectionSetGraphQL` as AppSync builds them: the list holds
 * every selected field path below the current field (`entries`, `entries/rank`), fragments
 * expanded, aliases replaced by field names; the GraphQL text is the field's selection set.
 */
import { type FieldNode, type FragmentDefinitionNode, Kind, print, type SelectionSetNode } from 'graphql';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** The field nodes of a selection set with fragments and inline fragments flattened. */
export function collectFieldNodes(
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fields.push(...collectFieldNodes(selection.selectionSet, fragments));
    else {
      const fragment = fragments[selection.name.value];
      if (fragment) fields.push(...collectFieldNodes(fragment.selectionSet, fragments));
    }
  }
  return fields;
}

export function selectionSetList(fieldNodes: readonly FieldNode[], fragments: Fragments): string[] {
  const paths: string[] = [];
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined, prefix: string) => {
    for (const field of collectFieldNodes(selectionSet, fragments)) {
      const name = field.name.value;
      if (name.startsWith('__')) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      if (!seen.has(path)) {
        seen.add(path);
        paths.push(path);
      }
      walk(field.selectionSet, path);
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet, '');
  return paths;
}

export function selectionSetGraphQL(fieldNodes: readonly FieldNode[]): string {
  return fieldNodes
    .map((node) => (node.selectionSet ? print(node.selectionSet) : ''))
    .filter((text) => text !== '')
    .join('\n');
}
