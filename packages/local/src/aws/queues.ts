import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueSpec } from '@leaderboard/core';

export interface LocalQueue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
}

export interface LocalQueuePair {
  readonly queue: LocalQueue;
  readonly deadLetter: LocalQueue;
  /** The visibility timeout the queue was created with. */
  readonly visibilityTimeoutSeconds: number;
}

export interface EnsureQueueOptions {
  /** Overrides the spec's visibility timeout (tests use a short one to see retries quickly). */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * Creates a queue and its dead-letter queue from a spec, with the redrive policy
 * `infra/queue.ts` gives the cloud queue. CreateQueue is idempotent for equal attributes.
 */
export async function ensureQueue(
  client: SQSClient,
  spec: QueueSpec,
  options: EnsureQueueOptions = {},
): Promise<LocalQueuePair> {
  const deadLetter = await createQueue(client, spec.deadLetter.name, {
    MessageRetentionPeriod: String(spec.deadLetter.retentionSeconds),
  });
  const visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? spec.visibilityTimeoutSeconds;
  const queue = await createQueue(client, spec.name, {
    VisibilityTimeout: String(visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: deadLetter.arn,
      maxReceiveCount: spec.deadLetter.maxReceiveCount,
    }),
  });
  return { queue, deadLetter, visibilityTimeoutSeconds };
}

async function createQueue(
  client: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<LocalQueue> {
  const { QueueUrl: url } = await client.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  if (!url) throw new Error(`CreateQueue returned no URL for ${name}`);
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn;
  if (!arn) throw new Error(`GetQueueAttributes returned no ARN for ${name}`);
  return { name, url, arn };
}
