/**
 * Queues, described once: `infra/queue.ts` builds the SQS queues, DLQ redrive and the
 * worker subscription from these; the local runtime plays the same settings with its
 * pipe and event source mapping.
 */
import { workerFunction } from './functions.ts';
import { activityAttributes } from './items/activity.ts';
import { itemKinds } from './keys.ts';

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
    /**
     * Worker invocations in flight at most (the mapping's `maximumConcurrency`, 2 to 1,000):
     * enough to drain a backlog, few enough that one user's activities rarely contend.
     */
    readonly maximumConcurrency: number;
  };
  /** The pipe from the Activities stream. */
  readonly source: {
    readonly batchSize: number;
    readonly windowSeconds: number;
    /** EventBridge Pipes filter pattern: inserts of activity and reversal items only (not the counters). */
    readonly filterPattern: Readonly<Record<string, unknown>>;
    /**
     * Where a new pipe starts reading. The oldest record still in the stream (24 hours), so a
     * replaced pipe misses nothing; what it reads again the worker ignores (it is idempotent).
     */
    readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
    /** Retries of a failed batch before it goes to the pipe's dead-letter queue. */
    readonly maximumRetryAttempts: number;
    /**
     * A failing batch is halved and each half retried, so one record the target refuses (an
     * item too large for an SQS message) ends alone in the dead-letter queue.
     */
    readonly onPartialBatchItemFailure: 'AUTOMATIC_BISECT';
    /**
     * Stream batches the pipe gave up on. The message describes the batch (shard, sequence
     * numbers); the records themselves stay readable in the stream for its 24 hours.
     */
    readonly deadLetter: {
      readonly name: string;
      readonly retentionSeconds: number;
    };
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
  batch: {
    size: 10,
    windowSeconds: batchWindowSeconds,
    reportBatchItemFailures: true,
    maximumConcurrency: 5,
  },
  source: {
    batchSize: 10,
    windowSeconds: 1,
    filterPattern: {
      eventName: ['INSERT'],
      dynamodb: {
        NewImage: { [activityAttributes.kind]: { S: [itemKinds.activity, itemKinds.reversal] } },
      },
    },
    startingPosition: 'TRIM_HORIZON',
    maximumRetryAttempts: 10,
    onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
    deadLetter: {
      name: 'ActivitiesPipeDeadLetterQueue',
      retentionSeconds: 14 * 24 * 60 * 60,
    },
  },
} as const satisfies QueueSpec;

/** Messages in the DLQ before the alarm fires. */
export const deadLetterAlarmThreshold = 1;
