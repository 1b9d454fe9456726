/**
 * The rebuilder's per-run metrics, from a run's summary, and the EMF document Powertools
 * writes for them (read back with `serializeMetrics`, the same object it logs).
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { rebuilderMetrics } from '../../src/rebuild/metric-names.ts';
import type { BoardRebuildOutcome } from '../../src/rebuild/board-rebuild.ts';
import { addRebuildRunMetrics, rebuildRunMetrics } from '../../src/rebuild/run-metrics.ts';
import type { RebuildSummary } from '../../src/rebuild/run-rebuild.ts';

const startedAt = Date.parse('2026-11-20T10:07:30.000Z');
const minutesBefore = (minutes: number) => startedAt - minutes * 60_000;

function summary(
  changed: Record<string, number>,
  outcomes: Record<string, BoardRebuildOutcome>,
  failed: string[] = [],
): RebuildSummary {
  return {
    startedAt,
    changed: Object.entries(changed).map(([boardId, changedSinceMs]) => ({ boardId, changedSinceMs })),
    boards: Object.entries(outcomes).map(([boardId, outcome]) => ({
      boardId,
      outcome,
      version: 1,
      itemsRead: 0,
    })),
    failures: failed.map((boardId) => ({ boardId, error: new Error('publish refused') })),
  };
}

describe('rebuildRunMetrics', () => {
  it('counts the boards the marks named and the snapshots that reached subscribers', () => {
    const run = summary(
      { global: minutesBefore(1), 'program:spring': minutesBefore(1), 'week:2026-W47': minutesBefore(2) },
      { global: 'published', 'program:spring': 'republished', 'week:2026-W47': 'unchanged' },
    );
    expect(rebuildRunMetrics(run)).toEqual({
      boardsChanged: 3,
      snapshotsPublished: 2,
      oldestUnpublishedChangeAgeSeconds: 0,
    });
  });

  it('does not count a snapshot another rebuilder wrote first as published by this run', () => {
    const run = summary({ global: minutesBefore(1) }, { global: 'lost-race' });
    expect(rebuildRunMetrics(run).snapshotsPublished).toBe(0);
    expect(rebuildRunMetrics(run).oldestUnpublishedChangeAgeSeconds).toBe(0);
  });

  it('reports the age of the oldest change among the boards that failed, not among those that published', () => {
    const run = summary(
      {
        global: minutesBefore(9),
        'program:spring': minutesBefore(4),
        'week:2026-W47': minutesBefore(2),
      },
      { global: 'published' },
      ['program:spring', 'week:2026-W47'],
    );
    expect(rebuildRunMetrics(run)).toEqual({
      boardsChanged: 3,
      snapshotsPublished: 1,
      oldestUnpublishedChangeAgeSeconds: 4 * 60,
    });
  });

  it('reports zeros for a run that found no change', () => {
    expect(rebuildRunMetrics(summary({}, {}))).toEqual({
      boardsChanged: 0,
      snapshotsPublished: 0,
      oldestUnpublishedChangeAgeSeconds: 0,
    });
  });
});

describe('addRebuildRunMetrics', () => {
  it('writes the three metrics, with their units, into the EMF document of the rebuilder namespace', () => {
    const metrics = new Metrics({
      namespace: rebuilderMetrics.namespace,
      serviceName: rebuilderMetrics.service,
      defaultDimensions: { FunctionName: 'leaderboard-production-RebuilderFunction' },
    });
    addRebuildRunMetrics(
      metrics,
      summary({ global: minutesBefore(3), 'program:spring': minutesBefore(1) }, { global: 'published' }, [
        'program:spring',
      ]),
    );
    const document = metrics.serializeMetrics();
    const [directive] = document._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe('Leaderboard');
    expect(directive!.Dimensions).toEqual([expect.arrayContaining(['service', 'FunctionName'])]);
    expect(directive!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'BoardsChanged', Unit: 'Count' },
        { Name: 'SnapshotsPublished', Unit: 'Count' },
        { Name: 'OldestUnpublishedChangeAgeSeconds', Unit: 'Seconds' },
      ]),
    );
    expect(document).toMatchObject({
      service: 'rebuilder',
      FunctionName: 'leaderboard-production-RebuilderFunction',
      BoardsChanged: 2,
      SnapshotsPublished: 1,
      OldestUnpublishedChangeAgeSeconds: 60,
    });
  });
});
