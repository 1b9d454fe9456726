import { describe, expect, it } from 'vitest';
import { UnknownOperationError, ValidationError } from '../../../src/iam/errors.ts';
import { sqsChecks } from '../../../src/iam/sqs-requests.ts';

const scope = { region: 'eu-west-1', accountId: '123456789012' };
const queue = (name: string) => `arn:aws:sqs:eu-west-1:123456789012:${name}`;
const emulatorUrl = (name: string) => `http://127.0.0.1:4566/000000000000/${name}`;

describe('SQS requests → IAM checks', () => {
  it('checks a queue operation as sqs:<Operation> on the queue its QueueUrl names', () => {
    expect(
      sqsChecks('SendMessage', { QueueUrl: emulatorUrl('activities'), MessageBody: 'x' }, scope),
    ).toEqual([{ action: 'sqs:SendMessage', resource: queue('activities') }]);
    expect(
      sqsChecks(
        'ReceiveMessage',
        { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq' },
        scope,
      ),
    ).toEqual([{ action: 'sqs:ReceiveMessage', resource: queue('dlq') }]);
  });

  it('checks batch operations as their single-message action', () => {
    const actionOf = (operation: string) =>
      sqsChecks(operation, { QueueUrl: emulatorUrl('q'), Entries: [] }, scope).map((check) => check.action);
    expect(actionOf('SendMessageBatch')).toEqual(['sqs:SendMessage']);
    expect(actionOf('DeleteMessageBatch')).toEqual(['sqs:DeleteMessage']);
    expect(actionOf('ChangeMessageVisibilityBatch')).toEqual(['sqs:ChangeMessageVisibility']);
  });

  it('checks CreateQueue and GetQueueUrl on the queue named by QueueName, ListQueues on *', () => {
    expect(sqsChecks('CreateQueue', { QueueName: 'activities' }, scope)).toEqual([
      { action: 'sqs:CreateQueue', resource: queue('activities') },
    ]);
    expect(sqsChecks('GetQueueUrl', { QueueName: 'dlq' }, scope)).toEqual([
      { action: 'sqs:GetQueueUrl', resource: queue('dlq') },
    ]);
    expect(sqsChecks('ListQueues', {}, scope)).toEqual([{ action: 'sqs:ListQueues', resource: '*' }]);
  });

  it('checks a message move on the dead-letter queue it drains and SendMessage on its destination', () => {
    const checks = sqsChecks(
      'StartMessageMoveTask',
      {
        SourceArn: 'arn:aws:sqs:us-east-1:000000000000:dlq',
        DestinationArn: 'arn:aws:sqs:us-east-1:000000000000:activities',
      },
      scope,
    );
    expect(checks).toEqual([
      { action: 'sqs:StartMessageMoveTask', resource: queue('dlq') },
      { action: 'sqs:ReceiveMessage', resource: queue('dlq') },
      { action: 'sqs:DeleteMessage', resource: queue('dlq') },
      { action: 'sqs:GetQueueAttributes', resource: queue('dlq') },
      { action: 'sqs:SendMessage', resource: queue('activities') },
    ]);
  });

  it('refuses a missing or unusable QueueUrl, and an operation whose resources it cannot tell', () => {
    expect(() => sqsChecks('SendMessage', { MessageBody: 'x' }, scope)).toThrow(ValidationError);
    expect(() => sqsChecks('SendMessage', { QueueUrl: 'http://127.0.0.1:4566/' }, scope)).toThrow(
      ValidationError,
    );
    expect(() => sqsChecks('ListMessageMoveTasks', { SourceArn: 'not-an-arn' }, scope)).toThrow(
      ValidationError,
    );
    expect(() => sqsChecks('CancelMessageMoveTask', { TaskHandle: 'h' }, scope)).toThrow(
      UnknownOperationError,
    );
  });
});
