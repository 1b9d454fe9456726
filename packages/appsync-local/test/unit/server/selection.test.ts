import { type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, parse } from 'graphql';
import { expect, it } from 'vitest';
import { selectionSetGraphQL, selectionSetList } from '../../../src/server/selection.ts';

// The example of AppSync's resolver context reference (`info`).
const document = parse(`
  query GetPost($postId: ID!, $authorId: ID!) {
    getPost(id: $postId) {
      postId
      title
      secondTitle: title
      content
      author(id: $authorId) { authorId name }
      secondAuthor(id: "789") { authorId }
      ... on Post { inlineFragmentFieldOnPost }
      ...postFragment
      __typename
    }
  }
  fragment postFragment on Post { fragmentFieldOnPost }
`);
const operation = document.definitions[0] as OperationDefinitionNode;
const field = operation.selectionSet.selections[0] as FieldNode;
const fragments = { postFragment: document.definitions[1] as FragmentDefinitionNode };

it('lists selected paths, aliased fields by alias, fragments expanded', () => {
  expect(selectionSetList([field], fragments)).toEqual([
    'postId',
    'title',
    'secondTitle',
    'content',
    'author',
    'author/authorId',
    'author/name',
    'secondAuthor',
    'secondAuthor/authorId',
    'inlineFragmentFieldOnPost',
    'fragmentFieldOnPost',
  ]);
});

it('prints the selection set with named fragments as inline fragments', () => {
  expect(selectionSetGraphQL([field], fragments)).toBe(
    [
      '{',
      '  postId',
      '  title',
      '  secondTitle: title',
      '  content',
      '  author(id: $authorId) {',
      '    authorId',
      '    name',
      '  }',
      '  secondAuthor(id: "789") {',
      '    authorId',
      '  }',
      '  ... on Post {',
      '    inlineFragmentFieldOnPost',
      '  }',
      '  ... on Post {',
      '    fragmentFieldOnPost',
      '  }',
      '  __typename',
      '}',
    ].join('\n'),
  );
});
