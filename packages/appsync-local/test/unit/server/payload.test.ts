import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectForSubscriber, unaliasResponse } from '../../../src/server/realtime/payload.ts';
import { buildAppSyncSchema } from '../../../src/server/schema.ts';

const schema = buildAppSyncSchema(`
  type Query { ticket: Ticket }
  type Mutation { post: Ticket }
  type Subscription { onPost: Ticket }
  type Ticket { id: ID! title: String owner: Owner }
  type Owner { name: String team: String }
`);

function rootField(source: string): { field: FieldNode; fragments: Record<string, FragmentDefinitionNode> } {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return { field: operation.selectionSet.selections[0] as FieldNode, fragments };
}

describe('published payloads', () => {
  it('re-keys a mutation response from aliases to field names, through fragments', () => {
    const { field, fragments } = rootField(
      'mutation { made: post { ticketId: id ...T } } fragment T on Ticket { who: owner { name } }',
    );
    expect(unaliasResponse({ ticketId: '1', who: { name: 'Ada' } }, field.selectionSet, fragments)).toEqual({
      id: '1',
      owner: { name: 'Ada' },
    });
  });

  it('gives a subscriber its own aliases, and null for fields the mutation did not select', () => {
    const { field, fragments } = rootField(
      'subscription { onPost { key: id title owner { team name } kind: __typename } }',
    );
    const type = schema.getSubscriptionType()!.getFields()['onPost']!.type;
    expect(projectForSubscriber({ id: '1', owner: { name: 'Ada' } }, [field], type, fragments)).toEqual({
      key: '1',
      title: null,
      owner: { team: null, name: 'Ada' },
      kind: 'Ticket',
    });
    expect(projectForSubscriber(null, [field], type, fragments)).toBeNull();
  });
});
