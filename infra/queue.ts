import { activitiesQueue } from '@leaderboard/core/queues';
import { workerFunction } from '@leaderboard/core/functions';
import { pipeRole as pipeRoleSpec } from '@leaderboard/core/roles';
import { policyStatements, register } from './access.ts';
import { functionArgsFromSpec } from './functions.ts';
import { activities } from './storage.ts';

export const deadLetterQueue = register(
  activitiesQueue.deadLetter.name,
  new sst.aws.Queue(activitiesQueue.deadLetter.name, {
    transform: {
      queue: { messageRetentionSeconds: activitiesQueue.deadLetter.retentionSeconds },
    },
  }),
);

export const queue = register(
  activitiesQueue.name,
  new sst.aws.Queue(activitiesQueue.name, {
    visibilityTimeout: `${activitiesQueue.visibilityTimeoutSeconds} seconds`,
    dlq: { queue: deadLetterQueue.arn, retry: activitiesQueue.deadLetter.maxReceiveCount },
  }),
);

export const workerSubscription = queue.subscribe(
  // SST grants the subscriber the queue actions core lists in `queueSubscriberGrants`.
  functionArgsFromSpec(workerFunction),
  {
    batch: {
      size: activitiesQueue.batch.size,
      window: `${activitiesQueue.batch.windowSeconds} seconds`,
      partialResponses: activitiesQueue.batch.reportBatchItemFailures,
    },
    transform: {
      eventSourceMapping: (args) => {
        args.scalingConfig = { maximumConcurrency: activitiesQueue.batch.maximumConcurrency };
      },
    },
  },
);

/** Stream batches the pipe gave up on after its retries (their records are still in the stream for 24 hours). */
export const pipeDeadLetterQueue = register(
  activitiesQueue.source.deadLetter.name,
  new sst.aws.Queue(activitiesQueue.source.deadLetter.name, {
    transform: {
      queue: { messageRetentionSeconds: activitiesQueue.source.deadLetter.retentionSeconds },
    },
  }),
);

const activitiesStreamArn = activities.nodes.table.streamArn;

const pipeRole = new aws.iam.Role('ActivitiesPipeRole', {
  assumeRolePolicy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: ['pipes.amazonaws.com'] }],
      },
    ],
  }).json,
});

// The pipe reads this one stream and writes to this one queue: nothing else (core `pipeRole`).
const pipeRolePolicy = new aws.iam.RolePolicy('ActivitiesPipeRolePolicy', {
  role: pipeRole.id,
  policy: aws.iam.getPolicyDocumentOutput({ statements: policyStatements(pipeRoleSpec) }).json,
});

/** Activities stream -> activities queue, activity inserts only (the filter runs before the batch). */
export const activitiesPipe = new aws.pipes.Pipe(
  'ActivitiesPipe',
  {
    roleArn: pipeRole.arn,
    source: activitiesStreamArn,
    target: queue.arn,
    sourceParameters: {
      dynamodbStreamParameters: {
        startingPosition: activitiesQueue.source.startingPosition,
        batchSize: activitiesQueue.source.batchSize,
        maximumBatchingWindowInSeconds: activitiesQueue.source.windowSeconds,
        maximumRetryAttempts: activitiesQueue.source.maximumRetryAttempts,
        onPartialBatchItemFailure: activitiesQueue.source.onPartialBatchItemFailure,
        deadLetterConfig: { arn: pipeDeadLetterQueue.arn },
      },
      filterCriteria: {
        filters: [{ pattern: JSON.stringify(activitiesQueue.source.filterPattern) }],
      },
    },
  },
  { dependsOn: [pipeRolePolicy] },
);
