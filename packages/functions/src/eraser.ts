/** Lambda entry: the API's `eraser` data source (`eraseUser`, one bounded batch per call). */
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceConfig } from '@leaderboard/core/config';
import type { ErasureAnswer } from '@leaderboard/core/erasure';
import { BoardChangeMarker } from './aggregation/board-changes.ts';
import { createEraserHandler, type EraserHandler } from './operations/eraser-handler.ts';
import { activitiesTableName, documentClientFromEnvironment, scoresTableName } from './runtime.ts';

const logger = new Logger({ serviceName: 'leaderboard-eraser' });
let eraserHandler: EraserHandler | undefined;

export async function handler(event: unknown): Promise<ErasureAnswer> {
  if (!eraserHandler) {
    const documentClient = documentClientFromEnvironment();
    const tables = { activities: activitiesTableName(), scores: scoresTableName() };
    eraserHandler = createEraserHandler({
      documentClient,
      tables,
      config: serviceConfig,
      boardChanges: new BoardChangeMarker({
        documentClient,
        scoresTable: tables.scores,
        ttlSeconds: serviceConfig.boardChangeTtlSeconds,
      }),
      budgetMs: serviceConfig.eraseCallBudgetSeconds * 1000,
      logger,
    });
  }
  return eraserHandler(event);
}
