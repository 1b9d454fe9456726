import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLErrorEntry {
  readonly message: string;
  readonly errorType?: string;
}

export type GraphQLOutcome<Data> =
  | { readonly kind: 'data'; readonly data: Data }
  | { readonly kind: 'errors'; readonly errors: readonly GraphQLErrorEntry[]; readonly httpStatus: number }
  | { readonly kind: 'failure'; readonly message: string };

/** One GraphQL call over HTTP, as AppSync answers it; never throws. */
export async function executeGraphQL<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  headers: Readonly<Record<string, string>>,
): Promise<GraphQLOutcome<Data>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch (error) {
    return { kind: 'failure', message: (error as Error).message };
  }
  let body: { data?: Data | null; errors?: GraphQLErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return { kind: 'failure', message: `HTTP ${response.status} with a body that is not JSON` };
  }
  if (body.errors && body.errors.length > 0)
    return { kind: 'errors', errors: body.errors, httpStatus: response.status };
  if (!response.ok || body.data === undefined || body.data === null) {
    return { kind: 'failure', message: `HTTP ${response.status} without data` };
  }
  return { kind: 'data', data: body.data };
}
