/**
 * The leaderboard's API on the local AppSync emulator: the resolver bundles against the data
 * sources core describes, each DynamoDB data source signing its calls with its own role (so
 * the IAM gateway holds it to that role's grants), the Lambda authorizer, the public API key,
 * and IAM callers held to their role's `appsync:GraphQL` grants.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  activitiesTable,
  apiEnvironmentKeys,
  pipelineFunctions,
  resolvers,
  scoresTable,
  serviceConfig,
  type ArnContext,
} from '@leaderboard/core';
import {
  createDataSources,
  createResolverEngine,
  startLocalApi,
  type AppSyncAuthorizerEvent,
  type AppSyncAuthorizerResult,
  type LocalApi,
  type LocalApiOptions,
  type LogEntry,
} from 'appsync-local';
import { startHttpsPublishRelay } from './https-publish-relay.ts';
import { localDataSourceSpecs } from './lambda-data-sources.ts';
import type { StackIdentities } from './roles.ts';
import type { Teardown } from './teardown.ts';

export interface ApiInputs {
  readonly port: number;
  /** The key and certificate to serve HTTPS and WSS with, or false for HTTP. */
  readonly https: false | { readonly key: string; readonly cert: string };
  /** Keep this API key (a restart with `persist`) instead of making a new one. */
  readonly apiKey?: string;
  readonly apiId: string;
  readonly schemaSdl: string;
  readonly bundlesDir: string;
  readonly arns: ArnContext;
  readonly awsEndpoint: string;
  readonly identities: StackIdentities;
  readonly authorizer: (event: AppSyncAuthorizerEvent) => Promise<unknown>;
  /** Runs one of the stack's functions: what a Lambda data source calls. */
  readonly invokeFunction: (functionName: string, event: unknown) => Promise<unknown>;
  readonly verbose: boolean;
  readonly log: (line: string) => void;
  readonly onUsage?: LocalApiOptions['onUsage'];
}

export interface StartedApi extends Pick<
  LocalApi,
  'url' | 'realtimeUrl' | 'certificate' | 'subscriptionCount'
> {
  readonly apiKey: string;
  readonly apiKeyExpiresAt: Date;
  /** The URL the rebuilder publishes to (a plain-HTTP relay when the API serves HTTPS). */
  readonly publishUrl: string;
  /** Loads the rebuilt resolver bundles; the engine keeps the old ones if a new one cannot be used. */
  reloadResolvers(): void;
}

const apiKeyLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** An AppSync-shaped API key: `da2-` and 26 lowercase letters and digits. */
function newApiKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `da2-${[...randomBytes(26)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function dataSourceClients(inputs: ApiInputs, teardown: Teardown): (name: string) => DynamoDBClient {
  const clients = new Map<string, DynamoDBClient>();
  teardown.add('data source clients', () => clients.forEach((client) => client.destroy()));
  return (name) => {
    const identity = inputs.identities.dataSources[name];
    if (!identity) throw new Error(`data source ${name} has no role`);
    let client = clients.get(name);
    if (!client) {
      client = new DynamoDBClient({
        region: inputs.arns.region,
        endpoint: inputs.awsEndpoint,
        credentials: identity.credentials,
      });
      clients.set(name, client);
    }
    return client;
  };
}

function formatEntry(entry: LogEntry): string {
  const { time: _time, level, event, ...fields } = entry;
  const details = Object.entries(fields)
    .filter(([key]) => key !== 'stack')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${level === 'error' ? 'ERROR ' : ''}${event}${details ? ` ${details}` : ''}`;
}

export async function startApi(inputs: ApiInputs, teardown: Teardown): Promise<StartedApi> {
  const { log, verbose } = inputs;
  const engine = createResolverEngine({
    bundlesDir: inputs.bundlesDir,
    resolvers,
    pipelineFunctions,
    dataSources: createDataSources(
      localDataSourceSpecs({
        arns: inputs.arns,
        identities: inputs.identities.dataSources,
        invokeFunction: inputs.invokeFunction,
      }),
      { client: dataSourceClients(inputs, teardown) },
    ),
    env: {
      [apiEnvironmentKeys.activitiesTable]: activitiesTable.name,
      [apiEnvironmentKeys.scoresTable]: scoresTable.name,
    },
    ...(verbose ? { log: (entry: object) => log(`[resolver] ${JSON.stringify(entry)}`) } : {}),
  });
  const apiKey = inputs.apiKey ?? newApiKey();
  // A kept key's expiry moves a lifetime ahead on each start, as the cloud's daily renewal does.
  const apiKeyExpiresAt = new Date(Date.now() + apiKeyLifetimeMs);
  const iamCallers = Object.values(inputs.identities.functions).map((identity) => ({
    ...identity.credentials,
    userName: identity.role.name,
    policy: identity.policy,
  }));
  const api = await startLocalApi({
    port: inputs.port,
    apiId: inputs.apiId,
    schemaSdl: inputs.schemaSdl,
    engine,
    https: inputs.https,
    queryDepthLimit: serviceConfig.queryDepthLimit,
    resolverCountLimit: serviceConfig.resolverCountLimit,
    ...(inputs.onUsage ? { onUsage: inputs.onUsage } : {}),
    verbose,
    log: (entry: LogEntry) => {
      if (entry.level === 'error' || verbose) log(`[api] ${formatEntry(entry)}`);
    },
    auth: {
      defaultMode: 'AWS_LAMBDA',
      additionalModes: ['API_KEY', 'AWS_IAM'],
      apiKeys: [{ key: apiKey, expiresAt: apiKeyExpiresAt }],
      lambdaAuthorizer: (event) => inputs.authorizer(event) as Promise<AppSyncAuthorizerResult>,
      lambdaAuthorizerTtlSeconds: serviceConfig.authorizerTtlSeconds,
      iam: { region: inputs.arns.region, accountId: inputs.arns.accountId, credentials: iamCallers },
    },
  });
  teardown.track('GraphQL API', api, (it) => it.close());
  let publishUrl = api.url;
  if (api.certificate) {
    const relay = await startHttpsPublishRelay(api.url, api.certificate);
    teardown.track('HTTPS publish relay', relay, (it) => it.close());
    publishUrl = relay.url;
  }
  return {
    url: api.url,
    realtimeUrl: api.realtimeUrl,
    certificate: api.certificate,
    subscriptionCount: () => api.subscriptionCount(),
    apiKey,
    apiKeyExpiresAt,
    publishUrl,
    reloadResolvers: () => engine.reload(),
  };
}
