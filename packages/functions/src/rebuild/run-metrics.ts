/**
 * What one rebuild run tells CloudWatch: how many boards the change marks named, how many
 * snapshots reached subscribers, and how old the oldest change is that this run could not
 * bring to them. The last one is what the stalled-pipeline alarm watches: it is 0 while every
 * changed board gets rebuilt, and it grows run after run while one does not (the cursor stays
 * put, so the next run reads the same marks again), whatever the other boards do.
 */
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { rebuilderMetrics } from './metric-names.ts';
import type { RebuildSummary } from './run-rebuild.ts';

export interface RebuildRunMetrics {
  readonly boardsChanged: number;
  readonly snapshotsPublished: number;
  readonly oldestUnpublishedChangeAgeSeconds: number;
}

export function rebuildRunMetrics(summary: RebuildSummary): RebuildRunMetrics {
  const failed = new Set(summary.failures.map((failure) => failure.boardId));
  const unpublishedSince = summary.changed
    .filter((change) => failed.has(change.boardId))
    .map((change) => change.changedSinceMs);
  const oldest = unpublishedSince.length > 0 ? Math.min(...unpublishedSince) : summary.startedAt;
  return {
    boardsChanged: summary.changed.length,
    snapshotsPublished: summary.boards.filter(
      (board) => board.outcome === 'published' || board.outcome === 'republished',
    ).length,
    // Marks are per minute, so the age is up to a minute more than the change's own.
    oldestUnpublishedChangeAgeSeconds: Math.max(0, Math.floor((summary.startedAt - oldest) / 1000)),
  };
}

export function addRebuildRunMetrics(metrics: Metrics, summary: RebuildSummary): void {
  const values = rebuildRunMetrics(summary);
  const names = rebuilderMetrics.names;
  metrics.addMetric(names.boardsChanged, MetricUnit.Count, values.boardsChanged);
  metrics.addMetric(names.snapshotsPublished, MetricUnit.Count, values.snapshotsPublished);
  metrics.addMetric(
    names.oldestUnpublishedChangeAgeSeconds,
    MetricUnit.Seconds,
    values.oldestUnpublishedChangeAgeSeconds,
  );
}
