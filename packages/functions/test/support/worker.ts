import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceConfig, type ServiceConfig } from '@leaderboard/core/config';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { BoardChangeMarker } from '../../src/aggregation/board-changes.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/aggregation/worker-handler.ts';

/** One worker instance (a Lambda container): its own board-change memory, logger and metrics. */
export function testWorker(
  documentClient: DynamoDBDocumentClient,
  options: { now?: () => number; config?: Partial<ServiceConfig> } = {},
): { handler: WorkerHandler; logger: Logger } {
  process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
  const logger = new Logger({ serviceName: 'worker-test', logLevel: 'SILENT' });
  const metrics = new Metrics({ namespace: 'LeaderboardTest', serviceName: 'worker-test' });
  const handler = createWorkerHandler({
    documentClient,
    tables: { activities: activitiesTable.name, scores: scoresTable.name },
    config: { ...serviceConfig, ...options.config },
    boardChanges: new BoardChangeMarker({
      documentClient,
      scoresTable: scoresTable.name,
      ttlSeconds: serviceConfig.boardChangeTtlSeconds,
    }),
    logger,
    metrics,
    ...(options.now ? { now: options.now } : {}),
  });
  return { handler, logger };
}
