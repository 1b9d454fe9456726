import { ReceiveMessageCommand, SQSClient, SendMessageBatchCommand, type Message } from '@aws-sdk/client-sqs';
import { activitiesQueue, type QueueSpec } from '@leaderboard/core';
import { localCredentials, localRegion } from '../../../src/aws/dynamodb-local.ts';
import { ensureQueue, type LocalQueuePair } from '../../../src/aws/queues.ts';
import { startSqsEmulator, type SqsEmulator } from '../../../src/aws/sqs-emulator.ts';

export { queueDepth } from '../../support/sqs.ts';

export interface SqsTestKit {
  readonly emulator: SqsEmulator;
  readonly sqs: SQSClient;
  readonly queues: LocalQueuePair;
  stop(): Promise<void>;
}

/** A fresh SQS emulator with the activities queue and its DLQ, on a free port. */
export async function startSqsTestKit(
  visibilityTimeoutSeconds: number,
  spec: QueueSpec = activitiesQueue,
): Promise<SqsTestKit> {
  const emulator = await startSqsEmulator();
  const sqs = new SQSClient({
    endpoint: emulator.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const queues = await ensureQueue(sqs, spec, { visibilityTimeoutSeconds });
  return {
    emulator,
    sqs,
    queues,
    stop: async () => {
      sqs.destroy();
      await emulator.stop();
    },
  };
}

export async function sendBodies(sqs: SQSClient, queueUrl: string, bodies: readonly string[]): Promise<void> {
  for (let start = 0; start < bodies.length; start += 10) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies
          .slice(start, start + 10)
          .map((body, index) => ({ Id: `m${start + index}`, MessageBody: body })),
      }),
    );
  }
}

/** Reads every message of a queue without deleting it (each read counts as a receive). */
export async function drainVisible(
  sqs: SQSClient,
  queueUrl: string,
  visibilityTimeout = 30,
): Promise<Message[]> {
  const messages: Message[] = [];
  for (let page = 0; page < 100; page += 1) {
    const response = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: visibilityTimeout,
        MessageSystemAttributeNames: ['All'],
        AttributeNames: ['All'],
      }),
    );
    if (!response.Messages?.length) break;
    messages.push(...response.Messages);
  }
  return messages;
}
