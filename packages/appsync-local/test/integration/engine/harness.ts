/**
 * An engine over the fixture resolvers, wired to the shared DynamoDB Local, that records each
 * request object on its way to the real data source so tests can assert both.
 */
import {
  createDataSources,
  createResolverEngine,
  type AppSyncIdentity,
  type DataSourceRuntime,
  type FieldOutcome,
  type ResolverSpec,
} from '../../../src/engine/index.ts';
import { bundleFixtures } from '../../fixtures/resolvers/bundle.ts';
import { testDynamo } from '../../support/dynamodb.ts';
import { activitiesTableName, fixtureEnv, scoresTableName } from '../../support/tables.ts';

export interface RecordedRequest {
  readonly dataSource: string;
  readonly request: unknown;
}

export const fixtureResolvers: readonly ResolverSpec[] = [
  { typeName: 'Query', fieldName: 'getItem', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'echo', dataSource: 'none' },
  { typeName: 'Mutation', fieldName: 'putItem', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'updateItem', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'removeItem', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'queryItems', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'queryIndex', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'scanItems', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'batchGetItems', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'batchPutItems', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'batchDeleteItems', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'transactGetItems', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'transactWriteItems', dataSource: 'activities' },
  { typeName: 'Query', fieldName: 'lambdaEvent', dataSource: 'lambda' },
  { typeName: 'Query', fieldName: 'errorShapes', dataSource: 'none' },
  { typeName: 'Query', fieldName: 'crash', dataSource: 'none' },
  { typeName: 'Query', fieldName: 'escape', dataSource: 'none' },
  { typeName: 'Mutation', fieldName: 'awardPoints', pipeline: ['loadUser', 'checkBanned', 'addPoints'] },
];

export const fixturePipelineFunctions = [
  { name: 'loadUser', dataSource: 'scores' },
  { name: 'checkBanned', dataSource: 'none' },
  { name: 'addPoints', dataSource: 'scores' },
] as const;

export async function createHarness(
  lambdaHandler: (event: unknown) => Promise<unknown> = async (event) => event,
) {
  const dynamo = testDynamo();
  const requests: RecordedRequest[] = [];
  const recording = (name: string, dataSource: DataSourceRuntime): DataSourceRuntime => ({
    type: dataSource.type,
    invoke(request, context) {
      requests.push({ dataSource: name, request: structuredClone(request) });
      return dataSource.invoke(request, context);
    },
  });
  // A Lambda data source stands for an AWS Lambda function: a local handler invoked in-process.
  const local = createDataSources(
    {
      scores: { name: 'scores', kind: 'dynamodb', table: scoresTableName },
      activities: { name: 'activities', kind: 'dynamodb', table: activitiesTableName },
      none: { name: 'none', kind: 'none' },
      lambda: { name: 'lambda', kind: 'lambda', handler: lambdaHandler },
    },
    { client: dynamo.client },
  );
  const engine = createResolverEngine({
    bundlesDir: await bundleFixtures(),
    resolvers: fixtureResolvers,
    pipelineFunctions: fixturePipelineFunctions,
    dataSources: Object.fromEntries(
      Object.entries(local).map(([name, dataSource]) => [name, recording(name, dataSource)]),
    ),
    env: fixtureEnv,
  });

  const resolve = (
    typeName: string,
    fieldName: string,
    args: Record<string, unknown>,
    identity: AppSyncIdentity = null,
  ): Promise<FieldOutcome> =>
    engine.resolve({
      typeName,
      fieldName,
      arguments: args,
      source: null,
      identity,
      request: { headers: { 'x-trace': 'abc' }, domainName: null },
      info: {
        fieldName,
        parentTypeName: typeName,
        variables: {},
        selectionSetList: ['pk'],
        selectionSetGraphQL: '{ pk }',
      },
    });

  return { engine, resolve, requests, dynamo };
}
