/**
 * What the SQS emulator (`local-aws-sqs` 2.0.2) does differently from SQS, pinned down so the
 * event source mapping's workarounds stay justified: if an upgrade fixes a quirk, its test
 * fails and the workaround can go.
 */
import { ChangeMessageVisibilityCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendBodies, startSqsTestKit, type SqsTestKit } from './sqs-test-kit.ts';

let kit: SqsTestKit;
beforeEach(async () => {
  kit = await startSqsTestKit(1);
});
afterEach(async () => {
  await kit.stop();
});

async function receive(waitTimeSeconds: number) {
  const response = await kit.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: kit.queues.queue.url,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitTimeSeconds,
      AttributeNames: ['All'],
    }),
  );
  return response.Messages ?? [];
}

describe('local-aws-sqs quirks', () => {
  it('counts ChangeMessageVisibility as one more receive (SQS does not)', async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['m']);
    const [first] = await receive(0);
    expect(first?.Attributes?.ApproximateReceiveCount).toBe('1');
    await kit.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: kit.queues.queue.url,
        ReceiptHandle: first?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [second] = await receive(0);
    // SQS would say 2: one receive, then one more.
    expect(second?.Attributes?.ApproximateReceiveCount).toBe('3');
  });

  it('holds a long poll open to fill the batch, returning a message twice when its visibility ends meanwhile', async () => {
    await sendBodies(kit.sqs, kit.queues.queue.url, ['a', 'b']);
    const messages = await receive(2);
    // SQS would answer at once with a and b, once each.
    expect(messages.length).toBeGreaterThan(2);
    expect(new Set(messages.map((message) => message.Body))).toEqual(new Set(['a', 'b']));
  });
});
