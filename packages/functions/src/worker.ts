/** Lambda entry: SQS batches of activity stream records -> totals and progress. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceConfig } from '@leaderboard/core/config';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { BoardChangeMarker } from './aggregation/board-changes.ts';
import { createWorkerHandler, type WorkerHandler } from './aggregation/worker-handler.ts';
import { activitiesTableName, documentClientFromEnvironment, scoresTableName } from './runtime.ts';

const logger = new Logger({ serviceName: 'leaderboard-worker' });
const metrics = new Metrics({ namespace: 'Leaderboard', serviceName: 'worker' });
let workerHandler: WorkerHandler | undefined;

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  if (!workerHandler) {
    const documentClient = documentClientFromEnvironment();
    const tables = { activities: activitiesTableName(), scores: scoresTableName() };
    workerHandler = createWorkerHandler({
      documentClient,
      tables,
      config: serviceConfig,
      boardChanges: new BoardChangeMarker({
        documentClient,
        scoresTable: tables.scores,
        ttlSeconds: serviceConfig.boardChangeTtlSeconds,
      }),
      logger,
      metrics,
    });
  }
  return workerHandler(event, context);
}
