/**
 * Queues, described once: `infra/queue.ts` builds the SQS queues, DLQ redrive and the
 * worker subscription from these; the local runtime plays the same settings with its
 * pipe and event source mapping.
 */
import { workerFunction } from './functions.ts';

export interface QueueSpec {
  readonly name: string;
  /**
   * Long enough that a batch is not delivered twice while the worker runs, and that Lambda
   * can retry a throttled invocation without the batch counting towards the DLQ: AWS asks
   * for at least six times the function timeout plus the batching window.
   */
  readonly visibilityTimeoutSeconds: number;
  readonly deadLetter: {
    readonly name: string;
    /** Receives before SQS moves a message to the dead-letter queue. */
    readonly maxReceiveCount: number;
    readonly retentionSeconds: number;
  };
  /** The event source mapping in front of the worker. */
  readonly batch: {
    readonly size: number;
    readonly windowSeconds: number;
    readonly reportBatchItemFailures: true;
  };
  /** The pipe from the Activities stream. */
  readonly source: {
    readonly batchSize: number;
    readonly windowSeconds: number;
    /** EventBridge Pipes filter pattern: inserts of activity items only. */
    readonly filterPattern: Readonly<Record<string, unknown>>;
  };
}

const batchWindowSeconds = 1;

export const activitiesQueue = {
  name: 'ActivitiesQueue',
  visibilityTimeoutSeconds: 6 * workerFunction.timeoutSeconds + batchWindowSeconds,
  deadLetter: {
    name: 'ActivitiesDeadLetterQueue',
    maxReceiveCount: 3,
    retentionSeconds: 14 * 24 * 60 * 60,
  },
  batch: { size: 10, windowSeconds: batchWindowSeconds, reportBatchItemFailures: true },
  source: {
    batchSize: 10,
    windowSeconds: 1,
    filterPattern: {
      eventName: ['INSERT'],
      dynamodb: { NewImage: { kind: { S: ['activity'] } } },
    },
  },
} as const satisfies QueueSpec;

/** Messages in the DLQ before the alarm fires. */
export const deadLetterAlarmThreshold = 1;
