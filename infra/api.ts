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
import { functions } from '@leaderboard/core/functions';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { policyStatements, register } from './access.ts';
import { apiLogsRole } from './api-logging.ts';
import { allowApiToInvokeAuthorizer, authorizer } from './auth.ts';
import { functionArgsFromSpec, lambdaRuntime } from './functions.ts';
import { apiKeyExpiry } from './handlers/api-key-expiry.ts';
import { buildResolverBundles, readBundles, withoutInlineSourceMap } from './resolver-bundles.ts';
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
      // Resolver errors, with their messages, in CloudWatch Logs; no request or response bodies.
      logConfig: {
        cloudwatchLogsRoleArn: apiLogsRole.arn,
        fieldLogLevel: 'ERROR',
        excludeVerboseContent: true,
      },
      queryDepthLimit: serviceConfig.queryDepthLimit,
      resolverCountLimit: serviceConfig.resolverCountLimit,
    },
  },
});

register('Api', api);

export const apiArn = api.nodes.api.arn;

export const authorizerPermission = allowApiToInvokeAuthorizer(apiArn);

/**
 * The key public dashboards read and subscribe with. The deploy that creates it sets the first
 * expiry; from then on the daily renewal in `key-renewal.ts` pushes it forward (same key), and
 * deploys leave it alone, so the key outlives any pause in deploys. Changing the description
 * replaces the key: that is how it is rotated (README, "Deploying for real").
 */
export const apiKey = new aws.appsync.ApiKey(
  'ApiKey',
  {
    apiId: api.id,
    description: 'Public read-only dashboards',
    expires: new Date(apiKeyExpiry(Date.now()) * 1000).toISOString(),
  },
  { ignoreChanges: ['expires'], replaceOnChanges: ['description'] },
);

// ---------------------------------------------------------------------------------------------
// Data sources

const tablesByName = {
  [activitiesTable.name]: activities,
  [scoresTable.name]: scores,
} as const satisfies Record<string, sst.aws.Dynamo>;

type TableName = keyof typeof tablesByName;

/** The function a Lambda data source calls, created here from its core spec (links and grants included). */
function dataSourceFunction(dataSource: string, name: string): sst.aws.Function {
  const spec = functions.find((candidate) => candidate.name === name);
  if (!spec)
    throw new Error(`Data source "${dataSource}" names function "${name}", which core does not define`);
  return register(name, new sst.aws.Function(name, functionArgsFromSpec(spec)));
}

function addDataSource(spec: DataSourceSpec) {
  if (spec.kind === 'none') return api.addDataSource({ name: spec.name });
  // The data source's role holds exactly its core grants, not what SST would give it.
  const transform = {
    serviceRole: (args: aws.iam.RoleArgs): undefined => {
      args.inlinePolicies = [
        {
          name: 'resolver-access',
          policy: aws.iam.getPolicyDocumentOutput({
            statements: policyStatements(dataSourceRole(spec.name as DataSourceName)),
          }).json,
        },
      ];
      return undefined;
    },
  };
  if (spec.kind === 'lambda') {
    const fn = dataSourceFunction(spec.name, spec.function);
    return api.addDataSource({ name: spec.name, lambda: fn.arn, transform });
  }
  const table = tablesByName[spec.table as TableName];
  if (!table)
    throw new Error(`Data source "${spec.name}" names table "${spec.table}", which infra does not create`);
  return api.addDataSource({ name: spec.name, dynamodb: table.arn, transform });
}

export const apiDataSources = Object.fromEntries(
  Object.entries(dataSources).map(([key, spec]) => [key, addDataSource(spec)]),
) as Record<DataSourceName, ReturnType<typeof addDataSource>>;

// ---------------------------------------------------------------------------------------------
// Resolvers and pipeline functions: APPSYNC_JS bundles built by packages/resolvers

/** AppSync's limit on a resolver's or function's `code` (API reference: Resolver, FunctionConfiguration). */
export const appsyncCodeMaxLength = 32_768;

const resolverSourceDir = join($cli.paths.root, 'packages', 'resolvers', 'src');

/**
 * Names every resolver source in the program's bundle without running any of them. `sst dev`
 * redeploys when a file of that bundle changes, so editing a resolver redeploys the API, and
 * the redeploy builds the bundles afresh.
 */
export const resolverSources = (name: string) => import(`../packages/resolvers/src/${name}.ts`);

/** Built by this deploy from the sources; `RESOLVER_BUNDLE_DIR` names bundles built beforehand. */
const resolverBundles = process.env.RESOLVER_BUNDLE_DIR
  ? readBundles(process.env.RESOLVER_BUNDLE_DIR)
  : buildResolverBundles($cli.paths.root, resolverSourceDir);

function readBundle(relativePath: string): string {
  const bundle = resolverBundles.get(relativePath);
  if (bundle === undefined) {
    throw new Error(`Resolver bundle ${relativePath} is missing: no source for it in ${resolverSourceDir}`);
  }
  const code = withoutInlineSourceMap(bundle);
  if (code.trim() === '') throw new Error(`Resolver bundle ${relativePath} is empty`);
  if (code.length > appsyncCodeMaxLength) {
    throw new Error(
      `Resolver bundle ${relativePath} is ${code.length} characters; AppSync accepts at most ${appsyncCodeMaxLength}`,
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
      code: readBundle(`functions/${fn.name}.js`),
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
  // The action takes no resource in IAM (service authorization reference): only "*" grants it.
  permissions: [{ actions: ['appsync:PutGraphqlApiEnvironmentVariables'], resources: ['*'] }],
});

/**
 * Sets the variables on create and on every change. Its delete leaves them: a replaced writer
 * is deleted after its successor has written (Pulumi creates before it deletes), and the
 * variables of a removed API go with the API.
 */
export const apiEnvironmentVariables = new aws.lambda.Invocation('ApiEnvironmentVariables', {
  functionName: apiEnvironmentWriter.name,
  lifecycleScope: 'CRUD',
  input: $jsonStringify({ apiId: api.id, variables: apiEnvironment }),
});
