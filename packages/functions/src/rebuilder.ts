/**
 * Lambda entry (every minute, ticking every few seconds inside): rebuild changed boards, write
 * new snapshots, publish them.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { serviceConfig } from '@leaderboard/core/config';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { Resource } from 'sst';
import { rebuilderMetrics } from './rebuild/metric-names.ts';
import { createAppSyncPublisher } from './rebuild/publisher.ts';
import { cadenceFromEnvironment, runTicks } from './rebuild/cadence.ts';
import { addRebuildRunMetrics } from './rebuild/run-metrics.ts';
import { runRebuild, type RebuildDependencies, type RebuildSummary } from './rebuild/run-rebuild.ts';
import { documentClientFromEnvironment, scoresTableName } from './runtime.ts';

const logger = new Logger({ serviceName: 'leaderboard-rebuilder' });
const metrics = new Metrics({
  namespace: rebuilderMetrics.namespace,
  serviceName: rebuilderMetrics.service,
  // Each deployed rebuilder (one per stage) keeps its own series, which its alarms watch.
  ...(process.env['AWS_LAMBDA_FUNCTION_NAME']
    ? { defaultDimensions: { FunctionName: process.env['AWS_LAMBDA_FUNCTION_NAME'] } }
    : {}),
});
let dependencies: RebuildDependencies | undefined;

/** Thrown after a run in which some boards failed, so the invocation shows as an error. */
export class RebuildFailedError extends Error {
  override readonly name = 'RebuildFailedError';
}

function createDependencies(): RebuildDependencies {
  const region = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  if (!region) throw new Error('AWS_REGION is not set: the publish request cannot be signed');
  return {
    documentClient: documentClientFromEnvironment(),
    scoresTable: scoresTableName(),
    shards: serviceConfig.scoreShards,
    topN: Math.min(serviceConfig.topN, serviceConfig.maxTopN),
    config: serviceConfig,
    publish: createAppSyncPublisher({ url: Resource.Api.url, region }),
  };
}

function report(summary: RebuildSummary): void {
  for (const board of summary.boards) {
    logger.info('board rebuilt', { ...board });
    metrics.addMetric('IndexItemsRead', MetricUnit.Count, board.itemsRead);
  }
  metrics.addMetric('BoardsRebuilt', MetricUnit.Count, summary.boards.length);
  metrics.addMetric('BoardRebuildFailures', MetricUnit.Count, summary.failures.length);
  addRebuildRunMetrics(metrics, summary);
  for (const failure of summary.failures) {
    logger.error('board rebuild failed', { boardId: failure.boardId, error: failure.error as Error });
  }
  metrics.publishStoredMetrics();
}

export async function handler(_event: ScheduledEvent, context: Context): Promise<RebuildSummary[]> {
  logger.addContext(context);
  const deps = (dependencies ??= createDependencies());
  const summaries = await runTicks({
    cadence: cadenceFromEnvironment(process.env),
    remainingMs: () => context.getRemainingTimeInMillis(),
    tick: async (sinceMs) => {
      const summary = await runRebuild(deps, sinceMs);
      report(summary);
      return summary;
    },
  });
  const last = summaries[summaries.length - 1];
  if (last && last.failures.length > 0) {
    throw new RebuildFailedError(
      `${last.failures.length} board(s) failed: ${last.failures.map((f) => f.boardId).join(', ')}`,
    );
  }
  return summaries;
}
