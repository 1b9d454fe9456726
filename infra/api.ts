import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiEnvironmentKeys,
  dataSources,
  pipelineFunctions,
  resolverBundleName,
  resolvers,
  type DataSourceName,
  type DataSourceSpec,
} from '@leaderboard/core/api';
import { dataSourceRole } from '@leaderboard/core/roles';
import { serviceConfig } from '@leaderboard/core/config';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { policyStatements, register } from './access.ts';
import { allowApiToInvokeAuthorizer, authorizer } from './auth.ts';
import { lambdaRuntime } from './functions.ts';
import { activities, scores } from './storage.ts';

export const api = new sst.aws.AppSync('Api', {
  // AppSync defines the AWS scalars and directives itself: the schema goes up as written.
  schema: 'schema.graphql',
  transform: {
    api: {
      authenticationType: 'AWS_LAMBDA',
      lambdaAuthorizerConfig: {
        authorizerUri: authorizer.arn,
        authorizerResultTtlInSeconds: serviceConfig.authorizerTtlSeconds,
      },
      // Users come through the Lambda authorizer (Cognito or any OIDC issuer), public dashboards
      // through the API key, the rebuilder through IAM. The schema names no Cognito directive, so
      // a Cognito provider here would reach no field.
      additionalAuthenticationProviders: [
        { authenticationType: 'API_KEY' },
        { authenticationType: 'AWS_IAM' },
      ],
      xrayEnabled: true,
      queryDepthLimit: serviceConfig.queryDepthLimit,
      resolverCountLimit: serviceConfig.resolverCountLimit,
    },
  },
});

register('Api', api);

export const apiArn = api.nodes.api.arn;

export const authorizerPermission = allowApiToInvokeAuthorizer(apiArn);

const keyLifetimeDays = 364;
const startOfToday = new Date(new Date().toISOString().slice(0, 10));

/**
 * The key public dashboards read and subscribe with. AppSync caps a key at 365 days; the expiry
 * moves forward (in place, same key) on the first deploy of each day.
 */
export const apiKey = new aws.appsync.ApiKey('ApiKey', {
  apiId: api.id,
  description: 'Public read-only dashboards',
  expires: new Date(startOfToday.getTime() + keyLifetimeDays * 86_400_000).toISOString(),
});

// ---------------------------------------------------------------------------------------------
// Data sources

const tablesByName = {
  [activitiesTable.name]: activities,
  [scoresTable.name]: scores,
} as const satisfies Record<string, sst.aws.Dynamo>;

type TableName = keyof typeof tablesByName;

function addDataSource(spec: DataSourceSpec) {
  if (spec.kind === 'none') return api.addDataSource({ name: spec.name });
  const table = tablesByName[spec.table as TableName];
  if (!table)
    throw new Error(`Data source "${spec.name}" names table "${spec.table}", which infra does not create`);
  return api.addDataSource({
    name: spec.name,
    dynamodb: table.arn,
    transform: {
      serviceRole: (args) => {
        args.inlinePolicies = [
          {
            name: 'resolver-access',
            policy: aws.iam.getPolicyDocumentOutput({
              statements: policyStatements(dataSourceRole(spec.name as DataSourceName)),
            }).json,
          },
        ];
      },
    },
  });
}

export const apiDataSources = Object.fromEntries(
  Object.entries(dataSources).map(([key, spec]) => [key, addDataSource(spec)]),
) as Record<DataSourceName, ReturnType<typeof addDataSource>>;

// ---------------------------------------------------------------------------------------------
// Resolvers and pipeline functions: APPSYNC_JS bundles built by packages/resolvers

/** AppSync's limit on a resolver's or function's `code` (API reference: Resolver, FunctionConfiguration). */
export const appsyncCodeMaxLength = 32_768;

/** Where the resolver bundles are read from; `RESOLVER_BUNDLE_DIR` overrides it. */
export function resolverBundleDir(): string {
  return process.env.RESOLVER_BUNDLE_DIR ?? join($cli.paths.root, 'packages', 'resolvers', 'dist');
}

function readBundle(relativePath: string): string {
  const file = join(resolverBundleDir(), relativePath);
  if (!existsSync(file)) {
    throw new Error(`Resolver bundle ${file} is missing: run \`pnpm build:resolvers\` before deploying`);
  }
  const code = readFileSync(file, 'utf8');
  if (code.trim() === '') throw new Error(`Resolver bundle ${file} is empty`);
  if (code.length > appsyncCodeMaxLength) {
    throw new Error(
      `Resolver bundle ${file} is ${code.length} characters; AppSync accepts at most ${appsyncCodeMaxLength}`,
    );
  }
  return code;
}

export const apiFunctions = new Map(
  pipelineFunctions.map((fn) => [
    fn.name,
    api.addFunction({
      name: fn.name,
      dataSource: apiDataSources[fn.dataSource].name,
      code: readBundle(join('functions', `${fn.name}.js`)),
    }),
  ]),
);

export const apiResolvers = resolvers.map((resolver) => {
  const operation = `${resolver.typeName} ${resolver.fieldName}`;
  const code = readBundle(`${resolverBundleName(resolver)}.js`);
  if (resolver.pipeline && resolver.dataSource) {
    throw new Error(`Resolver ${operation} names both a data source and a pipeline`);
  }
  if (resolver.pipeline) {
    const functions = resolver.pipeline.map((name) => {
      const fn = apiFunctions.get(name);
      if (!fn)
        throw new Error(`Resolver ${operation} uses pipeline function "${name}", which is not defined`);
      return fn.nodes.function.functionId;
    });
    return api.addResolver(operation, { kind: 'pipeline', functions, code });
  }
  if (!resolver.dataSource)
    throw new Error(`Resolver ${operation} names neither a data source nor a pipeline`);
  return api.addResolver(operation, { dataSource: apiDataSources[resolver.dataSource].name, code });
});

// ---------------------------------------------------------------------------------------------
// Environment variables (`ctx.env`)

const apiEnvironment = {
  [apiEnvironmentKeys.activitiesTable]: activities.name,
  [apiEnvironmentKeys.scoresTable]: scores.name,
} satisfies Record<(typeof apiEnvironmentKeys)[keyof typeof apiEnvironmentKeys], $util.Input<string>>;

const apiEnvironmentWriter = new sst.aws.Function('ApiEnvironmentWriter', {
  handler: 'infra/handlers/appsync-environment.handler',
  runtime: lambdaRuntime,
  architecture: 'arm64',
  timeout: '30 seconds',
  memory: '128 MB',
  // Runs during the deploy itself, so it must be the deployed code even under `sst dev`.
  dev: false,
  permissions: [{ actions: ['appsync:PutGraphqlApiEnvironmentVariables'], resources: [apiArn] }],
});

/** Sets the variables on create and on every change, and clears them when removed. */
export const apiEnvironmentVariables = new aws.lambda.Invocation('ApiEnvironmentVariables', {
  functionName: apiEnvironmentWriter.name,
  lifecycleScope: 'CRUD',
  input: $jsonStringify({ apiId: api.id, variables: apiEnvironment }),
});
