/**
 * Alarms on every stage of the pipeline, all to the Alerts topic: the pipe (failures,
 * throttling, its dead-letter queue), the worker (errors, the queue's dead-letter queue), the
 * rebuilder (errors, and boards that stay unpublished, which also catches a rebuilder that
 * stopped running) and the daily API key renewal.
 */
import { deadLetterAlarmThreshold } from '@leaderboard/core/queues';
import { rebuilderMetrics } from '@leaderboard/functions/rebuild/metric-names';
import { rebuilder } from './jobs.ts';
import { apiKeyRenewal } from './key-renewal.ts';
import { activitiesPipe, deadLetterQueue, pipeDeadLetterQueue, workerSubscription } from './queue.ts';
import { stageSettings } from './settings.ts';

/** Where alarms go; a stage with `emailAlerts` mails them to its `AlertEmail` secret. */
export const alerts = new sst.aws.SnsTopic('Alerts');

if (stageSettings($app.stage).emailAlerts) {
  // No placeholder: a deploy of such a stage fails until the secret is set.
  const alertEmail = new sst.Secret('AlertEmail');
  new aws.sns.TopicSubscription('AlertsEmail', {
    topic: alerts.arn,
    protocol: 'email',
    endpoint: alertEmail.value,
  });
}

/** The numbers behind each alarm, for the README and the tests. */
export const alarmSettings = {
  /**
   * A change the rebuilder has not published for this long (a minute of it is the change
   * marks' granularity), or no report from the rebuilder at all, in 3 of 5 minutes.
   */
  unpublishedChange: { thresholdSeconds: 240, periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 },
  /** Invocation errors (crashes, timeouts) in 3 of 5 minutes; a single retried failure is not news. */
  functionErrors: { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 },
  /** Pipe executions failing or timing out in 3 of 5 minutes. */
  pipeFailures: { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 3 },
  /** Pipe executions throttled in each of 5 minutes: activities are piling up in the stream. */
  pipeThrottling: { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 5 },
  /** The last day's renewal failed; the key still has most of a year. */
  keyRenewalErrors: { periodSeconds: 86_400, evaluationPeriods: 1, datapointsToAlarm: 1 },
} as const;

const notify = { alarmActions: [alerts.arn], okActions: [alerts.arn] };

function queueDepthAlarm(
  name: string,
  queue: sst.aws.Queue,
  description: string,
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(name, {
    alarmDescription: description,
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensions: { QueueName: queue.nodes.queue.name },
    statistic: 'Maximum',
    period: 60,
    evaluationPeriods: 1,
    threshold: deadLetterAlarmThreshold,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    ...notify,
  });
}

function functionErrorsAlarm(
  name: string,
  functionName: $util.Input<string>,
  description: string,
  window: { periodSeconds: number; evaluationPeriods: number; datapointsToAlarm: number },
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(name, {
    alarmDescription: description,
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: functionName },
    statistic: 'Sum',
    period: window.periodSeconds,
    evaluationPeriods: window.evaluationPeriods,
    datapointsToAlarm: window.datapointsToAlarm,
    threshold: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    // No invocation, no error: whether the function runs at all is watched elsewhere.
    treatMissingData: 'notBreaching',
    ...notify,
  });
}

/** An activity that failed every receive sits in the DLQ: its points are missing from the boards. */
export const deadLetterAlarm = queueDepthAlarm(
  'ActivitiesDeadLetterAlarm',
  deadLetterQueue,
  'Activities reached the dead-letter queue: their points are not counted until redriven.',
);

export const pipeDeadLetterAlarm = queueDepthAlarm(
  'ActivitiesPipeDeadLetterAlarm',
  pipeDeadLetterQueue,
  'The pipe gave up on a batch of the Activities stream: its activities never reached the queue. ' +
    'The stream keeps them for 24 hours.',
);

const pipeName = activitiesPipe.name;

export const pipeFailuresAlarm = new aws.cloudwatch.MetricAlarm('ActivitiesPipeFailuresAlarm', {
  alarmDescription: 'The Activities pipe keeps failing to deliver stream batches to the queue.',
  metricQueries: [
    {
      id: 'failures',
      expression: 'FILL(failed, 0) + FILL(timedOut, 0)',
      label: 'Failed or timed-out pipe executions',
      returnData: true,
    },
    ...(['ExecutionFailed', 'ExecutionTimeout'] as const).map((metricName) => ({
      id: metricName === 'ExecutionFailed' ? 'failed' : 'timedOut',
      metric: {
        namespace: 'AWS/EventBridge/Pipes',
        metricName,
        dimensions: { PipeName: pipeName },
        stat: 'Sum',
        period: alarmSettings.pipeFailures.periodSeconds,
      },
    })),
  ],
  evaluationPeriods: alarmSettings.pipeFailures.evaluationPeriods,
  datapointsToAlarm: alarmSettings.pipeFailures.datapointsToAlarm,
  threshold: 1,
  comparisonOperator: 'GreaterThanOrEqualToThreshold',
  treatMissingData: 'notBreaching',
  ...notify,
});

export const pipeThrottlingAlarm = new aws.cloudwatch.MetricAlarm('ActivitiesPipeThrottlingAlarm', {
  alarmDescription: 'The Activities pipe is throttled minute after minute: the stream is backing up.',
  namespace: 'AWS/EventBridge/Pipes',
  metricName: 'ExecutionThrottled',
  dimensions: { PipeName: pipeName },
  statistic: 'Sum',
  period: alarmSettings.pipeThrottling.periodSeconds,
  evaluationPeriods: alarmSettings.pipeThrottling.evaluationPeriods,
  datapointsToAlarm: alarmSettings.pipeThrottling.datapointsToAlarm,
  threshold: 1,
  comparisonOperator: 'GreaterThanOrEqualToThreshold',
  treatMissingData: 'notBreaching',
  ...notify,
});

export const workerErrorsAlarm = functionErrorsAlarm(
  'WorkerErrorsAlarm',
  workerSubscription.nodes.function.apply((worker) => worker.name),
  'Worker invocations fail (crash or timeout): their batches are retried, then dead-lettered.',
  alarmSettings.functionErrors,
);

export const rebuilderErrorsAlarm = functionErrorsAlarm(
  'RebuilderErrorsAlarm',
  rebuilder.name,
  'Rebuilder runs fail: some boards are not being rebuilt.',
  alarmSettings.functionErrors,
);

/**
 * The rebuilder reports, every run, how old the oldest change is that it could not publish
 * (0 when it published everything). This alarm, rather than "boards changed but no snapshot
 * was published", because that one is wrong both ways: a change below a board's top N is
 * rebuilt, rightly publishes nothing and would alarm, and one board stuck among others that
 * publish would not. Missing data counts as breaching: a rebuilder that stopped running, or
 * fails before it can report, reports nothing.
 */
export const unpublishedChangeAlarm = new aws.cloudwatch.MetricAlarm('UnpublishedChangeAlarm', {
  alarmDescription:
    'A board change has not reached subscribers for minutes, or the rebuilder has stopped reporting.',
  namespace: rebuilderMetrics.namespace,
  metricName: rebuilderMetrics.names.oldestUnpublishedChangeAgeSeconds,
  dimensions: { service: rebuilderMetrics.service, FunctionName: rebuilder.name },
  statistic: 'Maximum',
  period: alarmSettings.unpublishedChange.periodSeconds,
  evaluationPeriods: alarmSettings.unpublishedChange.evaluationPeriods,
  datapointsToAlarm: alarmSettings.unpublishedChange.datapointsToAlarm,
  threshold: alarmSettings.unpublishedChange.thresholdSeconds,
  comparisonOperator: 'GreaterThanThreshold',
  treatMissingData: 'breaching',
  ...notify,
});

export const keyRenewalErrorsAlarm = functionErrorsAlarm(
  'ApiKeyRenewalErrorsAlarm',
  apiKeyRenewal.name,
  "The daily renewal of the dashboards' API key failed; the key expires in under a year.",
  alarmSettings.keyRenewalErrors,
);
