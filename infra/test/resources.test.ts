/**
 * The SST program run under Pulumi's runtime mocks (AWS is the only thing mocked: see
 * support/sst-program.ts): asserts the resources `sst deploy` would create.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activitiesQueue,
  activitiesTable,
  apiEnvironmentKeys,
  authorizerFunction,
  dataSources,
  deadLetterAlarmThreshold,
  functions,
  preSignUpFunction,
  pipelineFunctions,
  rebuilderFunction,
  rebuildSchedule,
  resolverBundleName,
  resolvers,
  scoresTable,
  serviceConfig,
  workerFunction,
} from '@leaderboard/core';
import {
  lambdaByHandler,
  onlyResource,
  permissionStatements,
  resourcesOfType,
  stateString,
  statementActions,
  statementResources,
  statementsOfRole,
  stringInput,
} from './support/recorded.ts';
import { readBundle } from './support/resolver-bundles.ts';
import {
  programRunTimeoutMs,
  repositoryRoot,
  runSstProgram,
  type ProgramRun,
  type RecordedResource,
} from './support/sst-program.ts';

let run: ProgramRun;

beforeAll(async () => {
  run = await runSstProgram();
}, programRunTimeoutMs);

const table = (specName: string): RecordedResource =>
  onlyResource(
    run,
    'aws:dynamodb/table:Table',
    `the ${specName} table`,
    (resource) => resource.name === `${specName}Table`,
  );
const queueNamed = (specName: string): RecordedResource =>
  onlyResource(
    run,
    'aws:sqs/queue:Queue',
    `the ${specName} queue`,
    (resource) => resource.name === `${specName}Queue`,
  );
const graphQLApi = (): RecordedResource =>
  onlyResource(run, 'aws:appsync/graphQLApi:GraphQLApi', 'the Api component');

describe('the harness stands in for the whole CLI', () => {
  it('answers every RPC method and provider call the program makes', () => {
    expect(
      run.unansweredRpcMethods,
      'RPC methods the SST components now call that the harness does not answer',
    ).toEqual([]);
    const known = [
      'aws:index/getRegion:getRegion',
      'aws:index/getCallerIdentity:getCallerIdentity',
      'aws:index/getPartition:getPartition',
      'aws:iam/getPolicyDocument:getPolicyDocument',
    ];
    expect(run.calls.map((call) => call.token).filter((token) => !known.includes(token))).toEqual([]);
    expect(run.rpcMethods).toContain('Runtime.Build');
  });
});

describe('storage', () => {
  it('streams the new image of every Activities write and expires rate counters by TTL', () => {
    const activities = table(activitiesTable.name);
    expect(activities.inputs.streamEnabled).toBe(true);
    expect(activities.inputs.streamViewType).toBe('NEW_IMAGE');
    expect(activities.inputs.ttl).toEqual({ attributeName: activitiesTable.ttl, enabled: true });
    expect(activities.inputs.hashKey).toBe(activitiesTable.primaryIndex.hashKey);
  });

  it('lets a development stage delete its tables', () => {
    expect(table(activitiesTable.name).inputs.deletionProtectionEnabled).toBe(false);
    expect(run.outputs._protect).toBe(false);
  });

  it('indexes Scores by board shard and rank key', () => {
    const scores = table(scoresTable.name);
    expect(scores.inputs.globalSecondaryIndexes).toEqual([
      { name: 'byScore', hashKey: 'shardKey', rangeKey: 'rankKey', projectionType: 'ALL' },
    ]);
    expect(scores.inputs.hashKey).toBe(scoresTable.primaryIndex.hashKey);
    expect(scores.inputs.rangeKey).toBe(scoresTable.primaryIndex.rangeKey);
  });
});

describe('the pipe from the Activities stream to the queue', () => {
  const pipe = () => onlyResource(run, 'aws:pipes/pipe:Pipe', 'the activities pipe');

  it('reads the Activities stream and writes to the activities queue', () => {
    expect(pipe().inputs.source).toBe(stateString(table(activitiesTable.name), 'streamArn'));
    expect(pipe().inputs.target).toBe(stateString(queueNamed(activitiesQueue.name), 'arn'));
  });

  it('keeps inserts only, in the batches core defines, from the oldest record still in the stream', () => {
    const parameters = pipe().inputs.sourceParameters as {
      filterCriteria: { filters: { pattern: string }[] };
      dynamodbStreamParameters: Record<string, unknown>;
    };
    const patterns = parameters.filterCriteria.filters.map(
      (filter) => JSON.parse(filter.pattern) as Record<string, unknown>,
    );
    expect(patterns).toHaveLength(1);
    expect(patterns[0]!.eventName).toEqual(['INSERT']);
    expect(patterns[0]).toEqual(activitiesQueue.source.filterPattern);
    expect(parameters.dynamodbStreamParameters).toEqual({
      startingPosition: 'TRIM_HORIZON',
      batchSize: activitiesQueue.source.batchSize,
      maximumBatchingWindowInSeconds: activitiesQueue.source.windowSeconds,
      maximumRetryAttempts: activitiesQueue.source.maximumRetryAttempts,
      onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
      deadLetterConfig: { arn: stateString(queueNamed(activitiesQueue.source.deadLetter.name), 'arn') },
    });
  });

  it('runs with a role that reaches only that stream, that queue and its own dead-letter queue', () => {
    const statements = statementsOfRole(run, stringInput(pipe(), 'roleArn'));
    expect(statements.flatMap(statementResources).sort()).toEqual(
      [
        stateString(table(activitiesTable.name), 'streamArn'),
        stateString(queueNamed(activitiesQueue.name), 'arn'),
        stateString(queueNamed(activitiesQueue.source.deadLetter.name), 'arn'),
        // dynamodb:ListStreams takes no resource.
        '*',
      ].sort(),
    );
    expect(statements.flatMap(statementActions)).toContain('sqs:SendMessage');
  });
});

describe('the queue and the worker', () => {
  it('moves a message to the dead-letter queue after 3 receives', () => {
    const redrive = JSON.parse(stringInput(queueNamed(activitiesQueue.name), 'redrivePolicy')) as Record<
      string,
      unknown
    >;
    expect(redrive).toEqual({
      deadLetterTargetArn: stateString(queueNamed(activitiesQueue.deadLetter.name), 'arn'),
      maxReceiveCount: 3,
    });
  });

  it('hides a message for six times the worker timeout plus the batch window, as AWS asks', () => {
    const visibility = queueNamed(activitiesQueue.name).inputs.visibilityTimeoutSeconds;
    expect(visibility).toBe(activitiesQueue.visibilityTimeoutSeconds);
    const workerTimeout = lambdaByHandler(run, workerFunction.handler).inputs.timeout as number;
    const mapping = onlyResource(
      run,
      'aws:lambda/eventSourceMapping:EventSourceMapping',
      'the worker subscription',
    );
    const batchWindow = mapping.inputs.maximumBatchingWindowInSeconds as number;
    expect(visibility as number).toBeGreaterThanOrEqual(6 * workerTimeout + batchWindow);
  });

  it('feeds the worker batches of 10 and honours partial batch responses', () => {
    const mapping = onlyResource(
      run,
      'aws:lambda/eventSourceMapping:EventSourceMapping',
      'the worker subscription',
    );
    expect(mapping.inputs.eventSourceArn).toBe(stateString(queueNamed(activitiesQueue.name), 'arn'));
    expect(mapping.inputs.functionName).toBe(
      stateString(lambdaByHandler(run, workerFunction.handler), 'arn'),
    );
    expect(mapping.inputs.batchSize).toBe(10);
    expect(mapping.inputs.functionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.inputs.maximumBatchingWindowInSeconds).toBe(activitiesQueue.batch.windowSeconds);
    expect(mapping.inputs.scalingConfig).toEqual({
      maximumConcurrency: activitiesQueue.batch.maximumConcurrency,
    });
  });
});

describe('monitoring', () => {
  it('alarms as soon as the dead-letter queue holds a message', () => {
    const alarm = onlyResource(
      run,
      'aws:cloudwatch/metricAlarm:MetricAlarm',
      'the dead-letter alarm',
      (resource) => resource.name === 'ActivitiesDeadLetterAlarm',
    );
    expect(alarm.inputs).toMatchObject({
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: stateString(queueNamed(activitiesQueue.deadLetter.name), 'name') },
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: deadLetterAlarmThreshold,
    });
    const topic = onlyResource(run, 'aws:sns/topic:Topic', 'the alerts topic');
    expect(alarm.inputs.alarmActions).toEqual([stateString(topic, 'arn')]);
  });
});

describe('the rebuilder job', () => {
  it('runs the rebuilder on the schedule core defines', () => {
    const schedule = onlyResource(run, 'aws:scheduler/schedule:Schedule', 'the rebuild schedule');
    expect(schedule.inputs.scheduleExpression).toBe('rate(1 minute)');
    expect(schedule.inputs.scheduleExpression).toBe(rebuildSchedule.expression);
    expect((schedule.inputs.target as { arn: string }).arn).toBe(
      stateString(lambdaByHandler(run, rebuilderFunction.handler), 'arn'),
    );
  });

  it('may call the API only to publish leaderboards', () => {
    const rebuilder = lambdaByHandler(run, rebuilderFunction.handler);
    const appsyncStatements = statementsOfRole(run, stringInput(rebuilder, 'role')).filter((statement) =>
      statementActions(statement).some((action) => action.startsWith('appsync:')),
    );
    expect(appsyncStatements).toEqual([
      {
        Effect: 'Allow',
        Action: ['appsync:GraphQL'],
        Resource: [`${stateString(graphQLApi(), 'arn')}/types/Mutation/fields/publishLeaderboard`],
      },
    ]);
  });
});

describe('the AppSync API', () => {
  it('is built from schema.graphql as written', () => {
    expect(graphQLApi().inputs.schema).toBe(readFileSync(join(repositoryRoot, 'schema.graphql'), 'utf8'));
  });

  it('authorizes users with the Lambda authorizer by default, and also API keys and IAM', () => {
    const api = graphQLApi();
    expect(api.inputs.authenticationType).toBe('AWS_LAMBDA');
    expect(api.inputs.additionalAuthenticationProviders).toEqual([
      { authenticationType: 'API_KEY' },
      { authenticationType: 'AWS_IAM' },
    ]);
    expect(api.inputs.lambdaAuthorizerConfig).toEqual({
      authorizerUri: stateString(lambdaByHandler(run, authorizerFunction.handler), 'arn'),
      authorizerResultTtlInSeconds: serviceConfig.authorizerTtlSeconds,
    });
  });

  it('sets the query depth and resolver count limits from the service config', () => {
    const api = graphQLApi();
    expect(api.inputs.queryDepthLimit).toBe(serviceConfig.queryDepthLimit);
    expect(api.inputs.resolverCountLimit).toBe(serviceConfig.resolverCountLimit);
  });

  it('lets this API, and only it, invoke the authorizer', () => {
    const permission = onlyResource(
      run,
      'aws:lambda/permission:Permission',
      'the authorizer invoke permission',
      (resource) => resource.inputs.principal === 'appsync.amazonaws.com',
    );
    expect(permission.inputs).toEqual({
      action: 'lambda:InvokeFunction',
      function: stateString(lambdaByHandler(run, authorizerFunction.handler), 'name'),
      principal: 'appsync.amazonaws.com',
      sourceArn: stateString(graphQLApi(), 'arn'),
    });
  });

  it('has an API key for public dashboards', () => {
    const key = onlyResource(run, 'aws:appsync/apiKey:ApiKey', 'the public API key');
    expect(key.inputs.apiId).toBe(graphQLApi().id);
    const expires = Date.parse(stringInput(key, 'expires'));
    expect(expires - Date.now()).toBeGreaterThan(300 * 86_400_000);
    expect(expires - Date.now()).toBeLessThan(365 * 86_400_000);
  });

  it('has one data source per core definition, bound to its table', () => {
    const recorded = resourcesOfType(run, 'aws:appsync/dataSource:DataSource');
    expect(recorded.map((resource) => resource.inputs.name).sort()).toEqual(
      Object.values(dataSources)
        .map((spec) => spec.name)
        .sort(),
    );
    for (const spec of Object.values(dataSources)) {
      const dataSource = recorded.find((resource) => resource.inputs.name === spec.name)!;
      if (spec.kind === 'none') {
        expect(dataSource.inputs.type, spec.name).toBe('NONE');
      } else if (spec.kind === 'lambda') {
        expect(dataSource.inputs.type, spec.name).toBe('AWS_LAMBDA');
        expect(dataSource.inputs.lambdaConfig, spec.name).toEqual({
          functionArn: stateString(
            lambdaByHandler(run, functions.find((fn) => fn.name === spec.function)!.handler),
            'arn',
          ),
        });
      } else {
        expect(dataSource.inputs.type, spec.name).toBe('AMAZON_DYNAMODB');
        expect(dataSource.inputs.dynamodbConfig, spec.name).toEqual({
          tableName: stateString(table(spec.table), 'name'),
        });
      }
    }
  });

  it('lets the activities data source write what recordActivity writes and query the history index, nothing broader', () => {
    const dataSource = onlyResource(
      run,
      'aws:appsync/dataSource:DataSource',
      'the activities data source',
      (resource) => resource.inputs.name === dataSources.activities.name,
    );
    const statements = statementsOfRole(run, stringInput(dataSource, 'serviceRoleArn'));
    const activitiesArn = stateString(table(activitiesTable.name), 'arn');
    const onActivities = statements.filter((statement) =>
      statementResources(statement).includes(activitiesArn),
    );
    expect(onActivities.flatMap(statementActions).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    const onHistory = statements.filter((statement) =>
      statementResources(statement).includes(`${activitiesArn}/index/byUser`),
    );
    expect(onHistory.flatMap(statementActions)).toEqual(['dynamodb:Query']);
    for (const statement of statements) {
      expect(statementActions(statement).every((action) => !action.endsWith('*'))).toBe(true);
      for (const resource of statementResources(statement)) {
        expect(resource).toMatch(/^arn:aws:dynamodb:[^:]+:\d+:table\/[^/]+(\/index\/[A-Za-z0-9_.-]+)?$/);
      }
    }
  });

  it('attaches every resolver core defines, APPSYNC_JS 1.0.0 with its bundle as code', () => {
    const recorded = resourcesOfType(run, 'aws:appsync/resolver:Resolver');
    expect(
      recorded.map((resource) => `${String(resource.inputs.type)}.${String(resource.inputs.field)}`).sort(),
    ).toEqual(resolvers.map(resolverBundleName).sort());
    for (const spec of resolvers) {
      const name = resolverBundleName(spec);
      const resolver = recorded.find(
        (resource) => `${String(resource.inputs.type)}.${String(resource.inputs.field)}` === name,
      )!;
      expect(resolver.inputs.runtime, name).toEqual({ name: 'APPSYNC_JS', runtimeVersion: '1.0.0' });
      expect(stringInput(resolver, 'code').trim(), name).not.toBe('');
      expect(resolver.inputs.code, name).toBe(readBundle(`${name}.js`));
      expect(
        stringInput(resolver, 'code').length,
        `${name}: AppSync's code length limit`,
      ).toBeLessThanOrEqual(32_768);
      if (spec.pipeline) {
        expect(resolver.inputs.kind, name).toBe('PIPELINE');
        const functionIds = spec.pipeline.map((fnName) =>
          stateString(
            onlyResource(
              run,
              'aws:appsync/function:Function',
              `pipeline function ${fnName}`,
              (resource) => resource.inputs.name === fnName,
            ),
            'functionId',
          ),
        );
        expect(resolver.inputs.pipelineConfig, `${name}: its functions, in order`).toEqual({
          functions: functionIds,
        });
      } else {
        expect(resolver.inputs.kind, name).toBe('UNIT');
        expect(resolver.inputs.dataSource, name).toBe(dataSources[spec.dataSource!].name);
      }
    }
  });

  it('attaches every pipeline function core defines, APPSYNC_JS 1.0.0 with its bundle as code', () => {
    const recorded = resourcesOfType(run, 'aws:appsync/function:Function');
    expect(recorded.map((resource) => resource.inputs.name).sort()).toEqual(
      pipelineFunctions.map((fn) => fn.name).sort(),
    );
    for (const spec of pipelineFunctions) {
      const fn = recorded.find((resource) => resource.inputs.name === spec.name)!;
      expect(fn.inputs.runtime, spec.name).toEqual({ name: 'APPSYNC_JS', runtimeVersion: '1.0.0' });
      expect(fn.inputs.code, spec.name).toBe(readBundle(join('functions', `${spec.name}.js`)));
      expect(stringInput(fn, 'code').length, `${spec.name}: AppSync's code length limit`).toBeLessThanOrEqual(
        32_768,
      );
      expect(fn.inputs.dataSource, spec.name).toBe(dataSources[spec.dataSource].name);
    }
  });

  it('gives resolvers the table names through AppSync environment variables', () => {
    const invocation = onlyResource(run, 'aws:lambda/invocation:Invocation', 'the API environment variables');
    expect(invocation.inputs.lifecycleScope).toBe('CRUD');
    expect(JSON.parse(stringInput(invocation, 'input'))).toEqual({
      apiId: graphQLApi().id,
      variables: {
        [apiEnvironmentKeys.activitiesTable]: stateString(table(activitiesTable.name), 'name'),
        [apiEnvironmentKeys.scoresTable]: stateString(table(scoresTable.name), 'name'),
      },
    });
    // AppSync's limits on environment variables: at most 50, keys ^[A-Za-z]\w+$ (2-64), values up to 512.
    const { variables } = JSON.parse(stringInput(invocation, 'input')) as {
      variables: Record<string, string>;
    };
    expect(Object.keys(variables).length).toBeLessThanOrEqual(50);
    for (const [key, value] of Object.entries(variables)) {
      expect(key).toMatch(/^[A-Za-z]\w{1,63}$/);
      expect(value.length, key).toBeLessThanOrEqual(512);
    }
    const writer = lambdaByHandler(run, 'infra/handlers/appsync-environment.handler');
    expect(invocation.inputs.functionName).toBe(stateString(writer, 'name'));
    expect(statementsOfRole(run, stringInput(writer, 'role'))).toEqual([
      {
        Effect: 'Allow',
        Action: ['appsync:PutGraphqlApiEnvironmentVariables'],
        Resource: ['*'],
      },
    ]);
  });
});

describe('functions', () => {
  it('run on nodejs24.x, every one of them', () => {
    const lambdas = resourcesOfType(run, 'aws:lambda/function:Function');
    expect(lambdas.length).toBeGreaterThanOrEqual(4);
    for (const lambda of lambdas) expect(lambda.inputs.runtime, lambda.name).toBe('nodejs24.x');
    for (const build of run.builds) expect(build.runtime, build.functionID).toBe('nodejs24.x');
  });

  it('are bundled from their sources, as sst deploy bundles them (a build error fails the run)', () => {
    expect(run.builds.map((build) => build.handler).sort()).toEqual(
      [
        ...functions.map((spec) => spec.handler),
        // Cognito's trigger: deployed, never run locally (no user pool there), so not in `functions`.
        preSignUpFunction.handler,
        'infra/handlers/appsync-environment.handler',
        'infra/handlers/api-key-renewal.handler',
      ].sort(),
    );
  });

  it('take their limits from the core definitions', () => {
    for (const spec of functions) {
      const lambda = lambdaByHandler(run, spec.handler);
      expect(lambda.inputs.timeout, spec.name).toBe(spec.timeoutSeconds);
      expect(lambda.inputs.memorySize, spec.name).toBe(spec.memoryMb);
    }
  });

  it('tell the authorizer which user pool and client to trust', () => {
    const environment = (
      lambdaByHandler(run, authorizerFunction.handler).inputs.environment as {
        variables: Record<string, string>;
      }
    ).variables;
    const userPool = onlyResource(run, 'aws:cognito/userPool:UserPool', 'the user pool');
    const client = onlyResource(run, 'aws:cognito/userPoolClient:UserPoolClient', 'the user pool client');
    expect(environment.COGNITO_USER_POOL_ID).toBe(userPool.id);
    expect(environment.COGNITO_CLIENT_ID).toBe(client.id);
    expect(environment.JWT_ISSUER).toBeUndefined();
  });
});

describe('IAM', () => {
  // Actions that exist only on "*" (no resource-level permissions) and read or write no data.
  it('grants nothing with NotAction', () => {
    expect(permissionStatements(run).filter(({ statement }) => statement.NotAction !== undefined)).toEqual(
      [],
    );
  });
});
