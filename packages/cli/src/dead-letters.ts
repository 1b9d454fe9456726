import {
  ChangeMessageVisibilityBatchCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import type { StackFile } from '@leaderboard/local/stack/stack-file';
import { RedriveError } from './errors.ts';

export interface DeadLetter {
  readonly messageId: string;
  readonly receiveCount: number;
  readonly sentAt: Date | undefined;
  /** What the message is about, e.g. `INSERT ACT#alice#k1`, or the start of its body. */
  readonly summary: string;
  readonly body: string;
}

export type StackQueues = Pick<StackFile, 'sqsEndpoint' | 'region' | 'credentials' | 'queues'>;

export function sqsClientFor(stack: StackQueues): SQSClient {
  return new SQSClient({ endpoint: stack.sqsEndpoint, region: stack.region, credentials: stack.credentials });
}

const maxListed = 1000;

/**
 * Every message in the dead-letter queue. Reading hides a message for a moment; each page is
 * made visible again right after, so listing leaves the queue as it was (the DLQ has no
 * redrive policy, so the extra receives count for nothing).
 */
export async function listDeadLetters(sqs: SQSClient, stack: StackQueues): Promise<DeadLetter[]> {
  const queueUrl = stack.queues.deadLetter.url;
  const seen = new Map<string, DeadLetter>();
  const held: Message[] = [];
  try {
    while (seen.size < maxListed) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 30,
          MessageSystemAttributeNames: ['All'],
          AttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) break;
      held.push(...Messages);
      for (const message of Messages) {
        if (message.MessageId && !seen.has(message.MessageId))
          seen.set(message.MessageId, toDeadLetter(message));
      }
    }
  } finally {
    for (let start = 0; start < held.length; start += 10) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: held.slice(start, start + 10).map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: 0,
          })),
        }),
      );
    }
  }
  return [...seen.values()];
}

function toDeadLetter(message: Message): DeadLetter {
  const body = message.Body ?? '';
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    messageId: message.MessageId ?? '',
    receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
    sentAt: Number.isFinite(sent) && sent > 0 ? new Date(sent) : undefined,
    summary: summarize(body),
    body,
  };
}

function summarize(body: string): string {
  try {
    const record = JSON.parse(body) as { eventName?: string; dynamodb?: { Keys?: { pk?: { S?: string } } } };
    const key = record.dynamodb?.Keys?.pk?.S;
    if (record.eventName && key) return `${record.eventName} ${key}`;
  } catch {
    // Not JSON: show the body itself.
  }
  return body.length > 80 ? `${body.slice(0, 77)}...` : body;
}

/** Moves every dead letter back to the activities queue, as SQS's DLQ redrive does; resolves with the count moved. */
export async function redriveDeadLetters(
  sqs: SQSClient,
  stack: StackQueues,
  timeoutMs = 30_000,
): Promise<number> {
  const { TaskHandle } = await sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: stack.queues.deadLetter.arn,
      DestinationArn: stack.queues.activities.arn,
    }),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { Results = [] } = await sqs.send(
      new ListMessageMoveTasksCommand({ SourceArn: stack.queues.deadLetter.arn, MaxResults: 10 }),
    );
    const task = Results.find((result) => result.TaskHandle === TaskHandle) ?? Results[0];
    if (task?.Status === 'COMPLETED') return task.ApproximateNumberOfMessagesMoved ?? 0;
    if (task?.Status === 'FAILED' || task?.Status === 'CANCELLED') {
      throw new RedriveError(
        `the redrive ${task.Status.toLowerCase()}: ${task.FailureReason ?? 'no reason given'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new RedriveError(`the redrive did not finish within ${timeoutMs / 1000} s`);
}
