/**
 * For myStanding's tests and benchmark: boards seeded as the worker leaves them (totals and their
 * score histograms, through the codecs), and the real resolver bundles with the real standing
 * Lambda handler, on clients that count every item DynamoDB returns to the resolvers and to the
 * Lambda, per operation: a read cost measured outside the code under test.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { apiEnvironmentKeys, dataSources, pipelineFunctions, resolvers } from '@leaderboard/core/api';
import { serviceConfig } from '@leaderboard/core/config';
import { encodeScoreHistogram } from '@leaderboard/core/items/score-histogram';
import { compareTotals, shardOf, type RankedTotal } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { serviceBundleDir } from '@leaderboard/resolvers/bundle';
import {
  createDynamoDbDataSource,
  createLambdaDataSource,
  createResolverEngine,
  noneDataSource,
  type DataSourceRuntime,
  type FieldInvocation,
  type ResolverEngine,
} from 'appsync-local';
import { fieldInvocation } from 'appsync-local/testing';
import { createStandingHandler } from '../../src/standing/standing-handler.ts';
import { chunks } from './activities.ts';
import { seedTotals, type SeedTotal } from './scores.ts';

/** Items DynamoDB returned, by operation (GetItem, BatchGetItem, Query). */
export type ReadCounts = Record<string, number>;

export interface CountingClients {
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly counts: ReadCounts;
  reset(): void;
  total(): number;
  destroy(): void;
}

function itemsReturned(output: Record<string, unknown>): number {
  if (typeof output['Count'] === 'number') return output['Count'];
  if ('Item' in output) return output['Item'] ? 1 : 0;
  const responses = (output['Responses'] ?? {}) as Record<string, unknown[]>;
  return Object.values(responses).reduce((sum, items) => sum + items.length, 0);
}

/** `config`: the DynamoDB Local to read (endpoint, region, credentials). */
export function countingClients(config: DynamoDBClientConfig): CountingClients {
  const client = new DynamoDBClient(config);
  const counts: ReadCounts = {};
  const counted = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand']);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const command = (context as { commandName?: string }).commandName ?? '';
      if (counted.has(command)) {
        const operation = command.replace(/Command$/, '');
        counts[operation] =
          (counts[operation] ?? 0) + itemsReturned(result.output as unknown as Record<string, unknown>);
      }
      return result;
    },
    { step: 'initialize', name: 'countItemsRead' },
  );
  return {
    client,
    documentClient: DynamoDBDocumentClient.from(client),
    counts,
    reset: () => Object.keys(counts).forEach((key) => delete counts[key]),
    total: () => Object.values(counts).reduce((sum, count) => sum + count, 0),
    destroy: () => client.destroy(),
  };
}

/** The service's resolver bundles over counting clients, the standing Lambda's handler included. */
export function standingEngine(clients: CountingClients): ResolverEngine {
  const handler = createStandingHandler({
    documentClient: clients.documentClient,
    scoresTable: scoresTable.name,
    shards: serviceConfig.scoreShards,
    itemsPerShard: serviceConfig.standingItemsPerShard,
    maxAround: serviceConfig.maxAround,
    logger: new Logger({ serviceName: 'standing-test', logLevel: 'SILENT' }),
  });
  const runtimes: Record<string, DataSourceRuntime> = {};
  for (const [name, spec] of Object.entries(dataSources)) {
    if (spec.kind === 'dynamodb')
      runtimes[name] = createDynamoDbDataSource({ client: clients.client, table: spec.table });
    else if (spec.kind === 'lambda') runtimes[name] = createLambdaDataSource(handler);
    else runtimes[name] = noneDataSource;
  }
  return createResolverEngine({
    bundlesDir: serviceBundleDir,
    resolvers,
    pipelineFunctions,
    dataSources: runtimes,
    env: {
      [apiEnvironmentKeys.activitiesTable]: activitiesTable.name,
      [apiEnvironmentKeys.scoresTable]: scoresTable.name,
    },
  });
}

/** `myStanding(args)` asked by a signed-in user, as the authorizer passes them. */
export const standingInvocation = (userId: string, args: Record<string, unknown>): FieldInvocation =>
  fieldInvocation('Query', 'myStanding', args, {
    resolverContext: { userId, displayName: userId, groups: '' },
  });

/** Totals as the worker stores them, and the histograms the worker would have built for them. */
export async function seedBoard(
  documentClient: DynamoDBDocumentClient,
  boardId: string,
  totals: readonly SeedTotal[],
  shards: number = serviceConfig.scoreShards,
): Promise<void> {
  await seedTotals(documentClient, boardId, totals, shards);
  const histograms = Array.from({ length: shards }, (_, shard) => ({
    boardId,
    shard,
    buckets: {} as Record<number, number>,
  }));
  for (const total of totals) {
    const buckets = histograms[shardOf(total.userId, shards)]!.buckets;
    const bucket = scoreBucket(total.score);
    buckets[bucket] = (buckets[bucket] ?? 0) + 1;
  }
  const puts = histograms
    .filter((histogram) => Object.keys(histogram.buckets).length > 0)
    .map((histogram) => ({ PutRequest: { Item: encodeScoreHistogram(histogram) } }));
  for (const chunk of chunks(puts, 25)) {
    await documentClient.send(new BatchWriteCommand({ RequestItems: { [scoresTable.name]: chunk } }));
  }
}

/** `count` users with scores spread over 0-5,000 (many ties) and reached over ten minutes. */
export function spreadTotals(count: number, prefix = 'user-'): SeedTotal[] {
  return Array.from({ length: count }, (_, index) => ({
    userId: `${prefix}${index}`,
    score: (index * 7919) % 5000,
    reachedAt: new Date(Date.UTC(2026, 10, 20) + (index % 600) * 1000).toISOString(),
  }));
}

/** The board in ranking order, by sorting every total: what a standing must agree with. */
export const rankedByFullSort = <T extends RankedTotal>(totals: readonly T[]): T[] =>
  [...totals].sort(compareTotals);
