/**
 * Test clients for the local API, for this package's tests and for any project testing its own
 * API on it: GraphQL over HTTP (plain and SigV4-signed), a raw real-time protocol client, and
 * field invocations that drive a resolver engine directly, as the GraphQL server would.
 */
export {
  postGraphQL,
  postSignedGraphQL,
  signedHeaders,
  type GraphQLRequest,
  type GraphQLResponse,
  type SigningCredential,
  type SigningOptions,
} from './graphql-client.ts';
export { RealtimeTestClient, type RealtimeMessage } from './realtime-client.ts';
export { fieldInvocation } from './field-invocation.ts';
