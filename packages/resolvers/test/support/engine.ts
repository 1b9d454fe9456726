/**
 * The real resolver bundles, run by the local APPSYNC_JS engine against the shared DynamoDB
 * Local: what AppSync would execute, minus AppSync's HTTP front (tested with the local API).
 */
import { apiEnvironmentKeys, pipelineFunctions, resolvers } from '@leaderboard/core/api';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { localCredentials, localRegion } from '@leaderboard/core/test-support/dynamodb';
import {
  createDynamoDbDataSource,
  createLambdaDataSource,
  createResolverEngine,
  noneDataSource,
  type AppSyncIdentity,
  type DataSourceRuntime,
  type FieldInvocation,
  type FieldOutcome,
  type LambdaHandler,
  type ResolverEngine,
} from 'appsync-local';
import { fieldInvocation } from 'appsync-local/testing';
import { serviceBundleDir } from '../../bundle.ts';
export { clearAllTables, itemsOfKind, testDynamo } from '@leaderboard/core/test-support/dynamodb';

const standingNotWired: LambdaHandler = () =>
  Promise.reject(new Error('this engine has no standing Lambda: pass `standing` to testEngine'));
const eraserNotWired: LambdaHandler = () =>
  Promise.reject(new Error('this engine has no eraser Lambda: pass `eraser` to testEngine'));

export function testEngine(
  endpoint: string,
  options: {
    readonly wrapActivities?: (dataSource: DataSourceRuntime) => DataSourceRuntime;
    /** The `standing` Lambda's handler (the functions package has it); without one its calls fail. */
    readonly standing?: LambdaHandler;
    /** The `eraser` Lambda's handler (the functions package has it); without one its calls fail. */
    readonly eraser?: LambdaHandler;
    /** Receives the engine's entries, resolvers' `console` output included. */
    readonly log?: (entry: object) => void;
  } = {},
): ResolverEngine {
  const dynamo = (table: string) =>
    createDynamoDbDataSource({ table, endpoint, region: localRegion, credentials: localCredentials });
  const activities = dynamo(activitiesTable.name);
  return createResolverEngine({
    // Built by the integration project's global setup.
    bundlesDir: serviceBundleDir,
    resolvers,
    pipelineFunctions,
    dataSources: {
      activities: options.wrapActivities ? options.wrapActivities(activities) : activities,
      scores: dynamo(scoresTable.name),
      teams: dynamo(scoresTable.name),
      standing: createLambdaDataSource(options.standing ?? standingNotWired),
      programs: dynamo(scoresTable.name),
      operations: dynamo(activitiesTable.name),
      eraser: createLambdaDataSource(options.eraser ?? eraserNotWired),
      none: noneDataSource,
    },
    env: {
      [apiEnvironmentKeys.activitiesTable]: activitiesTable.name,
      [apiEnvironmentKeys.scoresTable]: scoresTable.name,
    },
    ...(options.log ? { log: options.log } : {}),
  });
}

/** `ctx.identity` for the rebuilder, signing its calls with its IAM role. */
export const rebuilderIdentity: AppSyncIdentity = {
  accountId: '000000000000',
  userArn: 'arn:aws:sts::000000000000:assumed-role/rebuilder/session',
  username: 'rebuilder',
  sourceIp: ['127.0.0.1'],
};

/** `ctx.identity` for a user signed in through the Lambda authorizer. */
export const userIdentity = (userId: string, displayName = `Name ${userId}`): AppSyncIdentity => ({
  resolverContext: { userId, displayName, groups: '' },
});

export function invocation(
  field: `${'Query' | 'Mutation' | 'Subscription'}.${string}`,
  args: Record<string, unknown>,
  identity: AppSyncIdentity,
): FieldInvocation {
  const [typeName, fieldName] = field.split('.') as [string, string];
  return fieldInvocation(typeName, fieldName, args, identity);
}

export type Call = (
  field: `${'Query' | 'Mutation' | 'Subscription'}.${string}`,
  args: Record<string, unknown>,
  identity?: AppSyncIdentity,
) => Promise<FieldOutcome>;

export const caller =
  (engine: ResolverEngine, defaultIdentity: AppSyncIdentity): Call =>
  (field, args, identity = defaultIdentity) =>
    engine.resolve(invocation(field, args, identity));

/** Waits out the end of the current UTC minute when close to it, so per-minute counters stay put during a test. */
export async function awayFromMinuteBoundary(marginSeconds = 15): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > (60 - marginSeconds) * 1000)
    await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
}
