/**
 * The worker's SQS handler, built from explicit dependencies so tests can run it against
 * DynamoDB Local. Each message is one activity (or an admin's reversal of one); failures are reported per message
 * (ReportBatchItemFailures), so one bad or contended activity never holds back the others. A
 * batch's activities are applied a user at a time (users in parallel), each user's coalesced
 * into as few transactions as their boards allow.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseActivityMessage, UnreadableActivityError } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import { applyBatchActivities, type BatchOutcomes } from './batch-activities.ts';
import { applyReversalRecord, type ReversalWorkerConfig } from './reversal-step.ts';

export interface WorkerDependencies extends AggregationDependencies {
  readonly config: AggregationDependencies['config'] & ReversalWorkerConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type WorkerHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export function createWorkerHandler(deps: WorkerDependencies): WorkerHandler {
  const processor = new BatchProcessor(EventType.SQS);

  const applyRecord = async (record: SQSRecord, batch: BatchOutcomes): Promise<void> => {
    // Reversals travel the activities' way; anything else is read as an activity.
    if (await applyReversalRecord(record, deps)) return;
    let activity;
    try {
      activity = parseActivityMessage(record.body);
    } catch (error) {
      if (error instanceof UnreadableActivityError) {
        // Failing it lets SQS redeliver it until the redrive policy moves it to the DLQ for a person to inspect.
        deps.logger.error('unreadable activity message', {
          messageId: record.messageId,
          reason: error.message,
        });
        deps.metrics.addMetric('UnreadableMessages', MetricUnit.Count, 1);
      }
      throw error;
    }
    const outcome = await batch.outcomeOf(record.messageId);
    if (outcome === 'duplicate') {
      deps.logger.info('activity already applied; skipped', {
        activityId: activity.id,
        messageId: record.messageId,
      });
      deps.metrics.addMetric('DuplicateActivities', MetricUnit.Count, 1);
    } else {
      deps.metrics.addMetric('ActivitiesApplied', MetricUnit.Count, 1);
      deps.metrics.addMetric('PointsApplied', MetricUnit.Count, activity.points);
    }
  };

  const handleRecord = async (record: SQSRecord, batch: BatchOutcomes): Promise<void> => {
    try {
      await applyRecord(record, batch);
    } catch (error) {
      // The cause goes to the log with the message id: the batch response carries only the id.
      deps.logger.warn('activity message failed; SQS will redeliver it', {
        messageId: record.messageId,
        error: error as Error,
      });
      throw error;
    }
  };

  return async (event, context) => {
    deps.logger.addContext(context);
    try {
      const batch = applyBatchActivities(event.Records, deps);
      const response = await processPartialResponse(
        event,
        (record: SQSRecord) => handleRecord(record, batch),
        processor,
        {
          context,
          // Always answer with the failed ids, even when all failed: SQS then redelivers only those.
          throwOnFullBatchFailure: false,
        },
      );
      deps.metrics.addMetric('FailedMessages', MetricUnit.Count, response.batchItemFailures.length);
      return response;
    } finally {
      deps.metrics.publishStoredMetrics();
    }
  };
}
