import { deadLetterAlarmThreshold } from '@leaderboard/core/queues';
import { deadLetterQueue } from './queue.ts';

/** Where alarms go; subscribe an address with the `ALERT_EMAIL` variable at deploy time. */
export const alerts = new sst.aws.SnsTopic('Alerts');

const alertEmail = process.env.ALERT_EMAIL;
if (alertEmail) {
  new aws.sns.TopicSubscription('AlertsEmail', {
    topic: alerts.arn,
    protocol: 'email',
    endpoint: alertEmail,
  });
}

/** An activity that failed every receive sits in the DLQ: its points are missing from the boards. */
export const deadLetterAlarm = new aws.cloudwatch.MetricAlarm('ActivitiesDeadLetterAlarm', {
  alarmDescription: 'Activities reached the dead-letter queue: their points are not counted until redriven.',
  namespace: 'AWS/SQS',
  metricName: 'ApproximateNumberOfMessagesVisible',
  dimensions: { QueueName: deadLetterQueue.nodes.queue.name },
  statistic: 'Maximum',
  period: 60,
  evaluationPeriods: 1,
  threshold: deadLetterAlarmThreshold,
  comparisonOperator: 'GreaterThanOrEqualToThreshold',
  treatMissingData: 'notBreaching',
  alarmActions: [alerts.arn],
  okActions: [alerts.arn],
});
