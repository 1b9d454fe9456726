/**
 * Deploy-time custom resource: sets an AppSync API's environment variables (`ctx.env` in
 * resolvers). The AWS provider SST ships (@pulumi/aws 7.20) has no `environmentVariables` on
 * `aws.appsync.GraphQLApi`, so infra invokes this function through `aws.lambda.Invocation`
 * (lifecycle CRUD) with the variables; AppSync's own API stores them.
 *
 * A delete writes nothing. Pulumi replaces a resource by creating the new one before deleting
 * the old, so a replaced writer's delete runs after its successor has written the variables:
 * clearing them then would leave every resolver that reads `ctx.env` broken. Whether the
 * successor wrote the same values or not, the delete cannot tell (both inputs may be equal),
 * and the one delete that matters, the API's own, takes the variables with it.
 */
import { AppSyncClient, PutGraphqlApiEnvironmentVariablesCommand } from '@aws-sdk/client-appsync';

export interface ApiEnvironmentEvent {
  readonly apiId: string;
  readonly variables: Readonly<Record<string, string>>;
  /** Added by `aws.lambda.Invocation` with lifecycle scope CRUD. */
  readonly tf?: { readonly action: 'create' | 'update' | 'delete'; readonly prev_input?: unknown };
}

export interface ApiEnvironmentResult {
  readonly apiId: string;
  /** The variables this call wrote: none for a delete. */
  readonly keys: readonly string[];
}

export class InvalidApiEnvironmentEventError extends Error {
  override readonly name = 'InvalidApiEnvironmentEventError';
}

const appsync = new AppSyncClient({});

export async function handler(event: ApiEnvironmentEvent): Promise<ApiEnvironmentResult> {
  if (typeof event.apiId !== 'string' || event.apiId === '') {
    throw new InvalidApiEnvironmentEventError('apiId is required');
  }
  if (event.tf?.action === 'delete') return { apiId: event.apiId, keys: [] };
  const variables = { ...event.variables };
  await appsync.send(
    new PutGraphqlApiEnvironmentVariablesCommand({ apiId: event.apiId, environmentVariables: variables }),
  );
  return { apiId: event.apiId, keys: Object.keys(variables).sort() };
}
