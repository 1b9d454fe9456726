/**
 * `ctx.info.selectionSetList` and `selectionSetGraphQL` as AppSync documents them: the list
 * holds every selected field path below the current field (`author`, `author/name`), aliased
 * fields by their alias only, fragments expanded; the GraphQL text is the field's selection
 * set with named fragments written out as inline fragments on their type.
 */
import {
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
  Kind,
  print,
  type SelectionSetNode,
  visit,
} from 'graphql';

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
      if (field.name.value.startsWith('__')) continue;
      const key = field.alias?.value ?? field.name.value;
      const path = prefix ? `${prefix}/${key}` : key;
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

export function selectionSetGraphQL(fieldNodes: readonly FieldNode[], fragments: Fragments): string {
  const inlineFragments = (node: ASTNode): ASTNode =>
    visit(node, {
      FragmentSpread(spread): InlineFragmentNode | null {
        const fragment = fragments[spread.name.value];
        if (!fragment) return null;
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: spread.directives ?? [],
          selectionSet: fragment.selectionSet,
        };
      },
    });
  return fieldNodes
    .map((node) => (node.selectionSet ? print(inlineFragments(node.selectionSet)) : ''))
    .filter((text) => text !== '')
    .join('\n');
}
