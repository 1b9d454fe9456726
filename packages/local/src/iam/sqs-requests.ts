/**
 * SQS JSON protocol requests (`X-Amz-Target: AmazonSQS.<Operation>`) → the IAM checks AWS
 * makes: `sqs:<Operation>` on the queue ARN named by `QueueUrl` (or `QueueName`, or an ARN).
 * Batch operations are authorized by their single-message action, as IAM has no batch actions.
 */
import type { AuthorizationCheck } from 'appsync-local/iam';
import { optionalString, requiredString, type ArnScope, type RequestBody } from './request-body.ts';
import { UnknownOperationError, ValidationError } from './errors.ts';

/** Operations on the queue named by `QueueUrl`, with the action each is authorized as. */
const queueUrlActions: Readonly<Record<string, string>> = {
  SendMessage: 'sqs:SendMessage',
  SendMessageBatch: 'sqs:SendMessage',
  ReceiveMessage: 'sqs:ReceiveMessage',
  DeleteMessage: 'sqs:DeleteMessage',
  DeleteMessageBatch: 'sqs:DeleteMessage',
  ChangeMessageVisibility: 'sqs:ChangeMessageVisibility',
  ChangeMessageVisibilityBatch: 'sqs:ChangeMessageVisibility',
  GetQueueAttributes: 'sqs:GetQueueAttributes',
  SetQueueAttributes: 'sqs:SetQueueAttributes',
  PurgeQueue: 'sqs:PurgeQueue',
  DeleteQueue: 'sqs:DeleteQueue',
  ListDeadLetterSourceQueues: 'sqs:ListDeadLetterSourceQueues',
  ListQueueTags: 'sqs:ListQueueTags',
  TagQueue: 'sqs:TagQueue',
  UntagQueue: 'sqs:UntagQueue',
  AddPermission: 'sqs:AddPermission',
  RemovePermission: 'sqs:RemovePermission',
};

/** What moving messages out of a dead-letter queue also needs on that queue. */
const redriveSourceActions = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'];

export const queueArn = (scope: ArnScope, queueName: string): string =>
  `arn:aws:sqs:${scope.region}:${scope.accountId}:${queueName}`;

/** The checks for one `AmazonSQS.<operation>` request. */
export function sqsChecks(operation: string, body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  const urlAction = queueUrlActions[operation];
  if (urlAction) return [{ action: urlAction, resource: queueArn(scope, queueNameOfUrl(body)) }];
  const action = `sqs:${operation}`;
  switch (operation) {
    case 'CreateQueue':
    case 'GetQueueUrl':
      return [{ action, resource: queueArn(scope, requiredString(body, 'QueueName')) }];
    case 'ListQueues':
      return [{ action, resource: '*' }];
    case 'ListMessageMoveTasks':
      return [{ action, resource: queueArn(scope, queueNameOfArn(requiredString(body, 'SourceArn'))) }];
    case 'StartMessageMoveTask':
      return messageMoveChecks(action, body, scope);
    default:
      throw new UnknownOperationError(
        `The IAM gateway does not know which resources AmazonSQS.${operation} acts on.`,
      );
  }
}

function messageMoveChecks(action: string, body: RequestBody, scope: ArnScope): AuthorizationCheck[] {
  const source = queueArn(scope, queueNameOfArn(requiredString(body, 'SourceArn')));
  const checks = [action, ...redriveSourceActions].map((sourceAction) => ({
    action: sourceAction,
    resource: source,
  }));
  const destination = optionalString(body, 'DestinationArn');
  if (destination) {
    checks.push({ action: 'sqs:SendMessage', resource: queueArn(scope, queueNameOfArn(destination)) });
  }
  return checks;
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` or the emulator's `http://127.0.0.1:<port>/<account>/<name>`. */
function queueNameOfUrl(body: RequestBody): string {
  const url = requiredString(body, 'QueueUrl');
  const name = URL.canParse(url) ? new URL(url).pathname.split('/').filter(Boolean).pop() : undefined;
  if (!name) throw new ValidationError(`Invalid QueueUrl: ${url}`);
  return name;
}

function queueNameOfArn(arn: string): string {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== 'sqs' || !parts[5]) {
    throw new ValidationError(`Invalid queue ARN: ${arn}`);
  }
  return parts[5];
}
