/**
 * Deploy-time custom resource: sets an AppSync API's environment variables (`ctx.env` in
 * resolvers). The AWS provider SST ships (@pulumi/aws 7.20) has no `environmentVariables` on
 * `aws.appsync.GraphQLApi`, so infra invokes this function through `aws.lambda.Invocation`
 * (lifecycle CRUD) with the variables; AppSync's own API stores them.
 */
import {
  AppSyncClient,
  NotFoundException,
  PutGraphqlApiEnvironmentVariablesCommand,
} from '@aws-sdk/client-appsync';

export interface ApiEnvironmentEvent {
  readonly apiId: string;
  readonly variables: Readonly<Record<string, string>>;
  /** Added by `aws.lambda.Invocation` with lifecycle scope CRUD. */
  readonly tf?: { readonly action: 'create' | 'update' | 'delete'; readonly prev_input?: unknown };
}

export interface ApiEnvironmentResult {
  readonly apiId: string;
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
  const deleting = event.tf?.action === 'delete';
  const variables = deleting ? {} : { ...event.variables };
  try {
    await appsync.send(
      new PutGraphqlApiEnvironmentVariablesCommand({ apiId: event.apiId, environmentVariables: variables }),
    );
  } catch (error) {
    // Removing the variables of an API that is already gone has nothing left to do.
    if (!(deleting && error instanceof NotFoundException)) throw error;
  }
  return { apiId: event.apiId, keys: Object.keys(variables).sort() };
}
