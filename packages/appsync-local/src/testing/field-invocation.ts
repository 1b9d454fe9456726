/** Field invocations for driving the resolver engine directly, as the GraphQL server would. */
import type { AppSyncIdentity, FieldInvocation } from '../engine/types.ts';

/** `typeName.fieldName` called with `args` by `identity`, selecting no sub-fields. */
export function fieldInvocation(
  typeName: string,
  fieldName: string,
  args: Record<string, unknown>,
  identity: AppSyncIdentity,
  headers: Record<string, string> = {},
): FieldInvocation {
  return {
    typeName,
    fieldName,
    arguments: args,
    source: null,
    identity,
    request: { headers, domainName: null },
    info: {
      fieldName,
      parentTypeName: typeName,
      variables: {},
      selectionSetList: [],
      selectionSetGraphQL: '',
    },
  };
}
