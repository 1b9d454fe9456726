/**
 * For the operators' tools' tests: admins and team members as the authorizer passes them, the
 * pipe's message for any Activities insert (activities and reversals alike), a worker that
 * delivers them, a rebuild of every changed board, and the stored items read back for checks.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { serviceConfig, type ServiceConfig } from '@leaderboard/core/config';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { scoresTable, activitiesTable } from '@leaderboard/core/tables';
import type { AppSyncIdentity } from 'appsync-local';
import { runRebuild, type RebuildSummary } from '../../src/rebuild/run-rebuild.ts';
import { lambdaContext, sqsEvent, sqsRecord } from './activities.ts';
import { testWorker } from './worker.ts';

export const adminIdentity = (userId = 'root'): AppSyncIdentity => ({
  resolverContext: { userId, displayName: `Admin ${userId}`, groups: 'staff,admins' },
});

export const memberIdentity = (userId: string, teamId: string | null = null): AppSyncIdentity => ({
  resolverContext: {
    userId,
    displayName: `Name ${userId}`,
    groups: '',
    ...(teamId ? { teamId } : {}),
  },
});

/** The body the pipe sends for the INSERT of `item` into the Activities table. */
export function insertMessage(item: Record<string, unknown>): string {
  return JSON.stringify({
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ pk: item['pk'] }),
      NewImage: marshall(item, { removeUndefinedValues: true }),
      StreamViewType: 'NEW_IMAGE',
    },
  });
}

/** A worker instance that trusts the history index at once (DynamoDB Local updates it with the table). */
export function deliveringWorker(
  documentClient: DynamoDBDocumentClient,
  config: Partial<ServiceConfig> = {},
) {
  /**
   * Delivers the bodies as one batch (processed concurrently); answers the ids of those that failed.
   * Each delivery gets a worker of its own, as a fresh Lambda environment: one kept across tests
   * would remember board change marks that clearing the tables between tests deleted.
   */
  return async (bodies: readonly string[]): Promise<string[]> => {
    const { handler } = testWorker(documentClient, { config: { historyIndexLagSeconds: 0, ...config } });
    const response = await handler(sqsEvent(bodies.map(sqsRecord)), lambdaContext('worker'));
    return response.batchItemFailures.map((failure) => failure.itemIdentifier);
  };
}

/** Runs the rebuilder once over every board changed lately; what it publishes is kept. */
export async function rebuildChanged(
  documentClient: DynamoDBDocumentClient,
  published: PublishLeaderboardInput[] = [],
): Promise<RebuildSummary> {
  const summary = await runRebuild(
    {
      documentClient,
      scoresTable: scoresTable.name,
      shards: serviceConfig.scoreShards,
      topN: serviceConfig.topN,
      config: serviceConfig,
      publish: async (input) => {
        published.push(structuredClone(input));
      },
    },
    // Every mark of the last two minutes (a test's), whatever earlier runs read.
    Date.now() - 120_000,
  );
  if (summary.failures.length > 0) throw summary.failures[0]!.error;
  return summary;
}

/** Every item of one table, consistently. */
export async function scanTable(
  documentClient: DynamoDBDocumentClient,
  table: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Every item of both tables, consistently. */
export async function everyItem(documentClient: DynamoDBDocumentClient): Promise<Record<string, unknown>[]> {
  return [
    ...(await scanTable(documentClient, activitiesTable.name)),
    ...(await scanTable(documentClient, scoresTable.name)),
  ];
}
