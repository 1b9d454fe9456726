import { describe, expect, it } from 'vitest';
import { serviceConfig } from '../../src/config.ts';
import { workerFunction } from '../../src/functions.ts';
import { activitiesQueue } from '../../src/queues.ts';
import { rebuildSchedule } from '../../src/schedules.ts';

describe('service config invariants', () => {
  it('re-reads change marks for longer than a worker can take to commit after writing one', () => {
    expect(serviceConfig.rebuildOverlapSeconds).toBeGreaterThan(workerFunction.timeoutSeconds);
  });

  it('keeps change marks far longer than the rebuild period and the first-run lookback', () => {
    expect(serviceConfig.boardChangeTtlSeconds * 1000).toBeGreaterThan(
      rebuildSchedule.periodSeconds * 1000 * 10,
    );
    expect(serviceConfig.boardChangeTtlSeconds).toBeGreaterThanOrEqual(
      serviceConfig.rebuildInitialLookbackMinutes * 60,
    );
  });

  it('lets the worker outlast contention among all records of one batch', () => {
    expect(serviceConfig.workerConflictAttempts).toBeGreaterThan(activitiesQueue.batch.size);
  });

  it('bounds snapshot sizes', () => {
    expect(serviceConfig.topN).toBeLessThanOrEqual(serviceConfig.maxTopN);
    expect(serviceConfig.defaultLimit).toBeLessThanOrEqual(serviceConfig.topN);
    expect(serviceConfig.maxSnapshotBytes).toBeLessThan(240 * 1024);
  });

  it('sets query limits AppSync accepts', () => {
    expect(Number.isInteger(serviceConfig.queryDepthLimit)).toBe(true);
    expect(serviceConfig.queryDepthLimit).toBeGreaterThanOrEqual(1);
    expect(serviceConfig.queryDepthLimit).toBeLessThanOrEqual(75);
    expect(Number.isInteger(serviceConfig.resolverCountLimit)).toBe(true);
    expect(serviceConfig.resolverCountLimit).toBeGreaterThanOrEqual(1);
    expect(serviceConfig.resolverCountLimit).toBeLessThanOrEqual(10_000);
  });
});
