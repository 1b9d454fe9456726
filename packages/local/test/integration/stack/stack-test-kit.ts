import { ApolloClient, ApolloLink, gql, InMemoryCache } from '@apollo/client';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { WebSocket } from 'ws';

export { until } from '../../support/until.ts';

// Node 20 has no global WebSocket (Node 22 does); the subscription library uses the global one.
const globals = globalThis as { WebSocket?: unknown };
if (globals.WebSocket === undefined) globals.WebSocket = WebSocket;

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly data?: Data | null;
  readonly errors?: ReadonlyArray<{ message: string; errorType?: string }>;
}

export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

type AuthOptions = Parameters<typeof createSubscriptionHandshakeLink>[0] extends infer Config
  ? Config extends { auth: infer Auth }
    ? Auth
    : never
  : never;

/** A dashboard's client: AppSync's own subscription link with Apollo Client, on the API key. */
export function dashboardClient(url: string, apiKey: string, region: string): ApolloClient {
  const link = createSubscriptionHandshakeLink({
    url,
    region,
    auth: { type: 'API_KEY', apiKey } as unknown as AuthOptions,
  });
  return new ApolloClient({ link: ApolloLink.from([link]), cache: new InMemoryCache() });
}

export interface Subscription<Data> {
  readonly received: Array<{ data?: Data; error?: unknown; at: number }>;
  unsubscribe(): void;
}

export function subscribe<Data>(
  client: ApolloClient,
  query: string,
  variables: Record<string, unknown>,
): Subscription<Data> {
  const received: Subscription<Data>['received'] = [];
  const subscription = client.subscribe({ query: gql(query), variables }).subscribe({
    next: (result) =>
      received.push(
        result.error
          ? { error: result.error, at: Date.now() }
          : { data: result.data as Data, at: Date.now() },
      ),
    error: (error: unknown) => received.push({ error, at: Date.now() }),
  });
  return { received, unsubscribe: () => subscription.unsubscribe() };
}

export const recordActivityMutation = `mutation Record($input: RecordActivityInput!) {
  recordActivity(input: $input) { id userId type quantity points }
}`;

export const myStandingQuery = `query Standing($boardId: ID) { myStanding(boardId: $boardId) { userId score rank } }`;
