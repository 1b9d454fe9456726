import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { matchesEventPattern, validateEventPattern } from './event-pattern.ts';
import { toPipeStreamEvent } from './stream-record.ts';

export interface StreamPipeOptions {
  readonly streams: Pick<DynamoDBStreamsClient, 'send'>;
  readonly streamArn: string;
  readonly sqs: Pick<SQSClient, 'send'>;
  readonly queueUrl: string;
  /** EventBridge Pipes filter: records that do not match are dropped, as the Pipe drops them. */
  readonly filterPattern: Readonly<Record<string, unknown>>;
  /** Messages per delivery (the Pipe's source batch size). */
  readonly batchSize: number;
  /** Longest time a matched record waits for its batch to fill (the Pipe's batching window). */
  readonly batchWindowMs: number;
  /** Where reading starts in the shards open when the pipe first starts; later shards start at their beginning. */
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** Pause between reads when no shard had new records. */
  readonly pollIntervalMs?: number;
  /** How often the stream is described to find new shards. */
  readonly shardDiscoveryIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly onDelivered?: (messages: number) => void;
}

export interface StreamPipeStats {
  readonly recordsRead: number;
  readonly recordsMatched: number;
  readonly messagesSent: number;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  readonly startAt: ShardIteratorType;
  iterator: string | undefined;
  /** Last sequence number read into the buffer: where a new iterator resumes. */
  readPosition: string | undefined;
  /** Last sequence number delivered or filtered out: where the pipe resumes after a restart. */
  checkpoint: string | undefined;
  /** Closed and read to its end. */
  finished: boolean;
  /** A TrimmedDataAccessException was answered by taking a new iterator once. */
  retriedTrimmed: boolean;
  /** The next iterator starts at the oldest record left (after records were trimmed). */
  resumeFromOldest: boolean;
}

/** Stream records were deleted (past the stream's retention) before the pipe read them. */
export class StreamRecordsTrimmedError extends Error {
  override readonly name = 'StreamRecordsTrimmedError';
}

interface BufferedRecord {
  readonly shardId: string;
  readonly sequenceNumber: string;
  /** The message body, or undefined when the filter dropped the record. */
  readonly body: string | undefined;
  readonly bufferedAt: number;
}

/** SQS takes at most 10 entries and 256 KiB per SendMessageBatch. */
const sendBatchLimit = 10;
const sendBatchBytes = 256 * 1024;

/** Splits bodies, in order, into SendMessageBatch-sized groups. */
function sendBatches(bodies: readonly string[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = Buffer.byteLength(body);
    if (current.length > 0 && (current.length === sendBatchLimit || bytes + size > sendBatchBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(body);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const delay = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Plays the EventBridge Pipe from a DynamoDB stream to an SQS queue: follows every shard
 * of the stream (a child shard is read only after its parent is read to its end, so each
 * key's records stay in order), filters records with the Pipe's pattern, and sends them in
 * batches. A shard's checkpoint moves only past records that were delivered or filtered
 * out, so a restarted pipe neither skips nor repeats records.
 */
export class StreamPipe {
  private readonly shards = new Map<string, ShardState>();
  private buffer: BufferedRecord[] = [];
  private loop: Promise<void> | undefined;
  private abort = new AbortController();
  private lastDiscovery = 0;
  private everStarted = false;
  private stats = { recordsRead: 0, recordsMatched: 0, messagesSent: 0 };

  constructor(private readonly options: StreamPipeOptions) {
    validateEventPattern(options.filterPattern);
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
    }
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  get statistics(): StreamPipeStats {
    return { ...this.stats };
  }

  /** Sequence number each shard is delivered up to. */
  get checkpoints(): ReadonlyMap<string, string | undefined> {
    return new Map([...this.shards.values()].map((shard) => [shard.shardId, shard.checkpoint]));
  }

  /** Resolves once every open shard has an iterator: records written after this are delivered. */
  async start(): Promise<void> {
    if (this.loop) return;
    this.abort = new AbortController();
    for (const shard of this.shards.values()) {
      shard.iterator = undefined;
      shard.readPosition = shard.checkpoint;
    }
    await this.discoverShards();
    for (const shard of this.shards.values()) if (this.isReady(shard)) await this.ensureIterator(shard);
    this.everStarted = true;
    this.loop = this.run();
  }

  /** Stops reading, then delivers what was already read. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
    try {
      await this.flush(true);
    } catch (error) {
      // Undelivered records are past the checkpoint: the next start reads them again.
      this.buffer = [];
      this.options.onError?.(error);
    }
  }

  private async run(): Promise<void> {
    const pollIntervalMs = this.options.pollIntervalMs ?? 200;
    const discoveryIntervalMs = this.options.shardDiscoveryIntervalMs ?? 1_000;
    while (!this.abort.signal.aborted) {
      let readSomething = false;
      try {
        if (Date.now() - this.lastDiscovery >= discoveryIntervalMs) await this.discoverShards();
        for (const shard of this.shards.values()) {
          if (this.abort.signal.aborted) break;
          if (this.isReady(shard) && (await this.readShard(shard))) readSomething = true;
        }
        await this.flush(false);
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!readSomething) await delay(this.nextWakeDelay(pollIntervalMs), this.abort.signal);
    }
  }

  private nextWakeDelay(pollIntervalMs: number): number {
    const oldest = this.buffer.find((entry) => entry.body !== undefined);
    if (!oldest) return pollIntervalMs;
    return Math.max(0, Math.min(pollIntervalMs, oldest.bufferedAt + this.options.batchWindowMs - Date.now()));
  }

  private async discoverShards(): Promise<void> {
    const described: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await this.options.streams.send(
        new DescribeStreamCommand({
          StreamArn: this.options.streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
      );
      described.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    for (const shard of described) {
      if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
      const openAtFirstStart =
        !this.everStarted && shard.SequenceNumberRange?.EndingSequenceNumber === undefined;
      this.shards.set(shard.ShardId, {
        shardId: shard.ShardId,
        parentShardId: shard.ParentShardId,
        startAt: openAtFirstStart ? this.options.startingPosition : 'TRIM_HORIZON',
        iterator: undefined,
        readPosition: undefined,
        checkpoint: undefined,
        finished: false,
        retriedTrimmed: false,
        resumeFromOldest: false,
      });
    }
    this.lastDiscovery = Date.now();
  }

  private isReady(shard: ShardState): boolean {
    if (shard.finished) return false;
    const parent = shard.parentShardId ? this.shards.get(shard.parentShardId) : undefined;
    return !parent || parent.finished;
  }

  private async ensureIterator(shard: ShardState): Promise<void> {
    if (shard.iterator) return;
    const resumeAfter = shard.readPosition;
    const response = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shard.shardId,
        ...(resumeAfter
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: resumeAfter }
          : { ShardIteratorType: shard.resumeFromOldest ? 'TRIM_HORIZON' : shard.startAt }),
      }),
    );
    shard.iterator = response.ShardIterator;
    if (!shard.iterator) shard.finished = true;
  }

  /** Reads one page of a shard; true when it returned records. */
  private async readShard(shard: ShardState): Promise<boolean> {
    await this.ensureIterator(shard);
    if (!shard.iterator) return false;
    let response;
    try {
      response = await this.options.streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }),
      );
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'ExpiredIteratorException') {
        shard.iterator = undefined;
        return false;
      }
      if (name === 'TrimmedDataAccessException') {
        shard.iterator = undefined;
        if (!shard.retriedTrimmed) {
          // DynamoDB Local answers this for an iterator taken at TRIM_HORIZON on a shard that
          // stayed empty for a few seconds, once records arrive; a fresh iterator reads them.
          shard.retriedTrimmed = true;
          return false;
        }
        // Records really were trimmed (older than the stream keeps): go on from the oldest left.
        shard.readPosition = undefined;
        shard.resumeFromOldest = true;
        throw new StreamRecordsTrimmedError(
          `records of shard ${shard.shardId} after ${shard.checkpoint ?? 'its start'} were trimmed before the pipe read them; resuming at the oldest record left`,
          { cause: error },
        );
      }
      throw error;
    }
    shard.retriedTrimmed = false;
    shard.resumeFromOldest = false;
    const records = response.Records ?? [];
    const now = Date.now();
    for (const record of records) {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      if (!sequenceNumber) continue;
      const event = toPipeStreamEvent(record, this.options.streamArn);
      const matched = matchesEventPattern(this.options.filterPattern, event);
      this.stats.recordsRead += 1;
      if (matched) this.stats.recordsMatched += 1;
      this.buffer.push({
        shardId: shard.shardId,
        sequenceNumber,
        body: matched ? JSON.stringify(event) : undefined,
        bufferedAt: now,
      });
      shard.readPosition = sequenceNumber;
    }
    shard.iterator = response.NextShardIterator;
    // No next iterator: the shard is closed and read to its end; its children may start.
    if (!shard.iterator) shard.finished = true;
    return records.length > 0;
  }

  /** Sends every full batch, and the rest when `force` or when its window has passed. */
  private async flush(force: boolean): Promise<void> {
    for (;;) {
      const pending = this.buffer.filter((entry) => entry.body !== undefined);
      if (pending.length === 0) {
        this.commit(this.buffer);
        this.buffer = [];
        return;
      }
      const windowPassed = Date.now() - (pending[0]?.bufferedAt ?? 0) >= this.options.batchWindowMs;
      if (!force && !windowPassed && pending.length < this.options.batchSize) return;
      let taken = 0;
      let end = 0;
      while (end < this.buffer.length && taken < this.options.batchSize) {
        if (this.buffer[end]?.body !== undefined) taken += 1;
        end += 1;
      }
      const batch = this.buffer.slice(0, end);
      await this.deliver(batch.flatMap((entry) => (entry.body === undefined ? [] : [entry.body])));
      this.commit(batch);
      this.buffer = this.buffer.slice(end);
    }
  }

  private commit(entries: readonly BufferedRecord[]): void {
    for (const entry of entries) {
      const shard = this.shards.get(entry.shardId);
      if (shard) shard.checkpoint = entry.sequenceNumber;
    }
  }

  /** Sends bodies in order, retrying failed entries until SQS takes them all. */
  private async deliver(bodies: readonly string[]): Promise<void> {
    for (const chunk of sendBatches(bodies)) {
      let entries = chunk.map((body, index) => ({ Id: `record-${index}`, MessageBody: body }));
      for (let attempt = 0; entries.length > 0; attempt += 1) {
        try {
          const response = await this.options.sqs.send(
            new SendMessageBatchCommand({ QueueUrl: this.options.queueUrl, Entries: entries }),
          );
          const failed = new Set((response.Failed ?? []).map((failure) => failure.Id));
          this.stats.messagesSent += entries.length - failed.size;
          this.options.onDelivered?.(entries.length - failed.size);
          entries = entries.filter((entry) => failed.has(entry.Id));
          if (entries.length > 0)
            throw new Error(`SQS refused ${entries.length} message(s): ${JSON.stringify(response.Failed)}`);
        } catch (error) {
          if (this.abort.signal.aborted && attempt >= 4) throw error;
          this.options.onError?.(error);
          await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
        }
      }
    }
  }
}
