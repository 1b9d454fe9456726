/** The worker's handling of a reversal message: applied once, a redelivery logged and skipped. */
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { ServiceConfig } from '@leaderboard/core/config';
import type { SQSRecord } from 'aws-lambda';
import type { RecomputeDependencies } from '../operations/recompute-user.ts';
import { applyReversal } from './apply-reversal.ts';
import { reversalInMessage } from './reversal-record.ts';

/** What applying a reversal needs of the config besides what applying an activity does. */
export type ReversalWorkerConfig = Pick<ServiceConfig, 'historyIndexLagSeconds' | 'recomputeAttempts'>;

export interface ReversalStepDependencies extends RecomputeDependencies {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** Applies the record when it holds a reversal; false when it holds something else. */
export async function applyReversalRecord(
  record: SQSRecord,
  deps: ReversalStepDependencies,
): Promise<boolean> {
  const reversal = reversalInMessage(record.body);
  if (!reversal) return false;
  const outcome = await applyReversal(reversal, deps);
  // No user id: logs outlive an erasure.
  const facts = { activityKey: reversal.activityKey, messageId: record.messageId };
  if (outcome === 'duplicate') {
    deps.logger.info('reversal already applied; skipped', facts);
    deps.metrics.addMetric('DuplicateReversals', MetricUnit.Count, 1);
  } else {
    deps.logger.info('reversal applied', facts);
    deps.metrics.addMetric('ReversalsApplied', MetricUnit.Count, 1);
  }
  return true;
}
