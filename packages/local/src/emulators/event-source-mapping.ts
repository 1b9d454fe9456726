import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { invokeHandler, type LambdaFunctionIdentity } from './lambda-context.ts';

export type SqsHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse | void> | SQSBatchResponse | void;

export interface EventSourceMappingOptions {
  readonly sqs: Pick<SQSClient, 'send'>;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly handler: SqsHandler;
  readonly function: LambdaFunctionIdentity;
  /** Records per invocation at most. */
  readonly batchSize: number;
  /** Longest wait for a batch to fill once the first message is in (MaximumBatchingWindowInSeconds). */
  readonly batchWindowMs: number;
  /** Honour `batchItemFailures` (ReportBatchItemFailures); otherwise any failure fails the batch. */
  readonly reportBatchItemFailures: boolean;
  /** Pause between empty receives. */
  readonly pollIntervalMs?: number;
  /**
   * Batches in flight at most (the mapping's `ScalingConfig.MaximumConcurrency`); Lambda starts
   * with a few pollers and adds more while the queue keeps them busy. 1 when absent.
   */
  readonly maximumConcurrency?: number;
  readonly onError?: (error: unknown) => void;
  readonly onBatch?: (outcome: BatchOutcome) => void;
}

export interface BatchOutcome {
  readonly received: number;
  readonly succeeded: number;
  readonly failed: number;
  /** The handler threw, timed out or answered with an unknown item id: every record failed. */
  readonly batchFailed: boolean;
}

/** SQS returns at most 10 messages per ReceiveMessage and deletes at most 10 per batch. */
const sqsPageLimit = 10;

/**
 * Plays the Lambda event source mapping for an SQS queue: polls the queue, hands the
 * handler a real SQS event, deletes the records that succeeded and leaves the others to
 * come back when their visibility timeout ends. The dead-letter move is the queue's own
 * redrive policy, which the SQS emulator applies when a message's visibility timeout ends
 * after `maxReceiveCount` receives. Failed messages are never made visible early with
 * ChangeMessageVisibility: the emulator counts that call as one more receive (AWS does
 * not), which would dead-letter messages after fewer real attempts than the policy says.
 * Nor does it long-poll: the emulator holds a long poll open until it has gathered
 * MaxNumberOfMessages or the wait ends, and a message gathered early whose visibility
 * timeout ends meanwhile comes back a second time in the same response. Short polls with a
 * pause in between avoid that and keep `stop()` prompt.
 */
/** Lambda's SQS mapping starts with five concurrent pollers (Lambda developer guide, "scaling behavior"). */
const initialPollers = 5;

export class SqsEventSourceMapping {
  private readonly loops = new Set<Promise<void>>();
  private stopping = false;
  private invocations = 0;

  constructor(private readonly options: EventSourceMappingOptions) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
    }
  }

  get running(): boolean {
    return this.loops.size > 0;
  }

  /** Batches being received or handled right now. */
  get pollers(): number {
    return this.loops.size;
  }

  private get maximumPollers(): number {
    return Math.max(1, this.options.maximumConcurrency ?? 1);
  }

  get invocationCount(): number {
    return this.invocations;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    for (let poller = 0; poller < Math.min(initialPollers, this.maximumPollers); poller += 1)
      this.addPoller();
  }

  /** Stops polling; batches already received are still handed to the handler and settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    while (this.loops.size > 0) await Promise.all([...this.loops]);
  }

  private addPoller(): void {
    const loop = this.poll().finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  /**
   * One poller: a full batch means a backlog, so another poller joins (up to the maximum); an
   * empty receive beyond the initial pollers means the backlog is gone, so this one leaves.
   */
  private async poll(): Promise<void> {
    while (!this.stopping) {
      try {
        const messages = await this.receiveBatch();
        if (messages.length >= this.options.batchSize && this.loops.size < this.maximumPollers) {
          this.addPoller();
        }
        if (messages.length > 0) await this.invoke(messages);
        else if (this.loops.size > Math.min(initialPollers, this.maximumPollers)) return;
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private async receiveBatch(): Promise<Message[]> {
    const messages: Message[] = [];
    let windowEnds: number | undefined;
    const pollIntervalMs = this.options.pollIntervalMs ?? 100;
    for (;;) {
      const response = await this.options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.options.queueUrl,
          MaxNumberOfMessages: Math.min(sqsPageLimit, this.options.batchSize - messages.length),
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
          // The emulator reads only the older parameter name.
          AttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const received = response.Messages ?? [];
      messages.push(...received);
      if (messages.length >= this.options.batchSize) break;
      if (messages.length > 0) windowEnds ??= Date.now() + this.options.batchWindowMs;
      if (windowEnds !== undefined && Date.now() >= windowEnds) break;
      if (messages.length === 0 && this.stopping) break;
      if (received.length === 0) {
        const pauseMs =
          windowEnds === undefined ? pollIntervalMs : Math.min(pollIntervalMs, windowEnds - Date.now());
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, pauseMs)));
      }
    }
    return messages;
  }

  private async invoke(messages: readonly Message[]): Promise<void> {
    const records = messages.map((message) => this.toRecord(message));
    this.invocations += 1;
    let failedIds: Set<string>;
    let batchFailed = false;
    try {
      const response = await invokeHandler(this.options.handler, { Records: records }, this.options.function);
      failedIds = this.failedMessageIds(response, records);
    } catch (error) {
      this.options.onError?.(error);
      failedIds = new Set(records.map((record) => record.messageId));
      batchFailed = true;
    }
    const succeeded = records.filter((record) => !failedIds.has(record.messageId));
    await this.deleteMessages(succeeded);
    this.options.onBatch?.({
      received: records.length,
      succeeded: succeeded.length,
      failed: failedIds.size,
      batchFailed,
    });
  }

  /** Lambda's rules for a partial batch response: an empty or unknown item id fails the whole batch. */
  private failedMessageIds(response: SQSBatchResponse | void, records: readonly SQSRecord[]): Set<string> {
    const all = new Set(records.map((record) => record.messageId));
    if (!response || !this.options.reportBatchItemFailures) return new Set();
    const failures = response.batchItemFailures;
    if (failures === undefined || failures === null) return new Set();
    if (!Array.isArray(failures)) throw new InvalidBatchResponseError('batchItemFailures is not a list');
    const failed = new Set<string>();
    for (const failure of failures) {
      const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
      if (typeof id !== 'string' || !all.has(id)) {
        throw new InvalidBatchResponseError(`batchItemFailures names an unknown item "${String(id)}"`);
      }
      failed.add(id);
    }
    return failed;
  }

  private async deleteMessages(records: readonly SQSRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += sqsPageLimit) {
      const chunk = records.slice(start, start + sqsPageLimit);
      const response = await this.options.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.options.queueUrl,
          Entries: chunk.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
      if (response.Failed && response.Failed.length > 0) {
        this.options.onError?.(new Error(`DeleteMessageBatch failed for ${JSON.stringify(response.Failed)}`));
      }
    }
  }

  private toRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? '',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
        ...(attributes.SequenceNumber ? { SequenceNumber: attributes.SequenceNumber } : {}),
        ...(attributes.MessageGroupId ? { MessageGroupId: attributes.MessageGroupId } : {}),
        ...(attributes.MessageDeduplicationId
          ? { MessageDeduplicationId: attributes.MessageDeduplicationId }
          : {}),
      },
      messageAttributes: toRecordAttributes(message.MessageAttributes),
      md5OfBody: message.MD5OfBody ?? '',
      ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn,
      awsRegion: this.options.function.region,
    };
  }
}

/** A partial batch response Lambda would reject; the whole batch counts as failed. */
export class InvalidBatchResponseError extends Error {
  override readonly name = 'InvalidBatchResponseError';
}

function toRecordAttributes(
  attributes: Record<string, MessageAttributeValue> | undefined,
): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    result[name] = {
      dataType: value.DataType ?? 'String',
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
        : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((item) => Buffer.from(item).toString('base64')),
    };
  }
  return result;
}
