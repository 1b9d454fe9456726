import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { postJson } from './http-post.ts';

export interface GraphQLErrorEntry {
  readonly message: string;
  readonly errorType?: string;
}

export type GraphQLOutcome<Data> =
  | { readonly kind: 'data'; readonly data: Data }
  | { readonly kind: 'errors'; readonly errors: readonly GraphQLErrorEntry[]; readonly httpStatus: number }
  | { readonly kind: 'failure'; readonly message: string };

/**
 * One GraphQL call over HTTP(S), as AppSync answers it; never throws. `certificate` (PEM) is
 * trusted for an HTTPS API, e.g. a local stack's self-signed one.
 */
export async function executeGraphQL<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  headers: Readonly<Record<string, string>>,
  certificate?: string,
): Promise<GraphQLOutcome<Data>> {
  let response: { status: number; text: string };
  try {
    response = await postJson(url, { query: print(document), variables }, headers, certificate);
  } catch (error) {
    return { kind: 'failure', message: (error as Error).message };
  }
  let body: { data?: Data | null; errors?: GraphQLErrorEntry[] };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return { kind: 'failure', message: `HTTP ${response.status} with a body that is not JSON` };
  }
  if (body.errors && body.errors.length > 0)
    return { kind: 'errors', errors: body.errors, httpStatus: response.status };
  if (response.status >= 300 || body.data === undefined || body.data === null) {
    return { kind: 'failure', message: `HTTP ${response.status} without data` };
  }
  return { kind: 'data', data: body.data };
}
