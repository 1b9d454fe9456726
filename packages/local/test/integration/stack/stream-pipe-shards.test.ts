/**
 * Shard following. DynamoDB Local keeps one open shard per stream for as long as a test
 * runs, while DynamoDB closes shards and opens children every few hours, so here a scripted
 * DynamoDB Streams API stands for AWS: a closed parent shard, two children (one appearing
 * later), a shard whose parent was trimmed, and an iterator that expires. The queue is the
 * real SQS emulator.
 */
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { activitiesQueue } from '@leaderboard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StreamPipe } from '../../../src/emulators/stream-pipe.ts';
import type { PipeStreamEvent } from '../../../src/emulators/stream-record.ts';
import { until } from '../../support/until.ts';
import { drainVisible, startSqsTestKit, type SqsTestKit } from './sqs-test-kit.ts';

interface ScriptedShard {
  readonly shardId: string;
  readonly parentShardId?: string;
  closed: boolean;
  readonly records: StreamRecord[];
  /** Records before this index are gone, as past the stream's 24-hour retention. */
  trimmedBefore?: number;
}

const streamArn = 'arn:aws:dynamodb:us-east-1:000000000000:table/Activities/stream/2026-01-01T00:00:00.000';
let sequence = 0;

function activityRecord(id: string): StreamRecord {
  sequence += 1;
  const sequenceNumber = String(sequence).padStart(21, '0');
  return {
    eventID: `event-${id}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: new Date(),
      Keys: { pk: { S: `ACT#u#${id}` } },
      NewImage: { pk: { S: `ACT#u#${id}` }, kind: { S: 'activity' } },
      SequenceNumber: sequenceNumber,
      SizeBytes: 20,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

/** Plays DynamoDB Streams: one record per GetRecords page, so a shard takes several reads. */
class ScriptedStream {
  readonly shards: ScriptedShard[] = [];
  readonly reads: string[] = [];
  expireNextIteratorOf: string | undefined;
  /** DynamoDB Local's quirk: the next read of this shard answers TrimmedDataAccessException once. */
  spuriousTrimOf: string | undefined;

  readonly client: Pick<DynamoDBStreamsClient, 'send'> = {
    send: ((command: unknown) =>
      Promise.resolve().then(() => this.handle(command))) as DynamoDBStreamsClient['send'],
  };

  private handle(command: unknown): unknown {
    if (command instanceof DescribeStreamCommand) {
      return {
        StreamDescription: {
          StreamArn: streamArn,
          Shards: this.shards.map((shard) => ({
            ShardId: shard.shardId,
            ParentShardId: shard.parentShardId,
            SequenceNumberRange: {
              StartingSequenceNumber: shard.records[0]?.dynamodb?.SequenceNumber,
              ...(shard.closed
                ? { EndingSequenceNumber: shard.records.at(-1)?.dynamodb?.SequenceNumber }
                : {}),
            },
          })),
        },
      };
    }
    if (command instanceof GetShardIteratorCommand) {
      const { ShardId, ShardIteratorType, SequenceNumber } = command.input;
      const shard = this.shard(ShardId);
      let position = shard.trimmedBefore ?? 0;
      if (ShardIteratorType === 'LATEST') position = shard.records.length;
      if (ShardIteratorType === 'AFTER_SEQUENCE_NUMBER') {
        position =
          shard.records.findIndex((record) => record.dynamodb?.SequenceNumber === SequenceNumber) + 1;
      }
      return { ShardIterator: `${shard.shardId}|${position}` };
    }
    if (command instanceof GetRecordsCommand) {
      const [shardId, positionText] = (command.input.ShardIterator ?? '').split('|');
      const shard = this.shard(shardId);
      if (this.expireNextIteratorOf === shard.shardId) {
        this.expireNextIteratorOf = undefined;
        throw Object.assign(new Error('Iterator expired'), { name: 'ExpiredIteratorException' });
      }
      const position = Number(positionText);
      if (this.spuriousTrimOf === shard.shardId || position < (shard.trimmedBefore ?? 0)) {
        this.spuriousTrimOf = undefined;
        throw Object.assign(new Error('trimmed'), { name: 'TrimmedDataAccessException' });
      }
      const page = shard.records.slice(position, position + 1);
      this.reads.push(...page.map((record) => record.eventID ?? ''));
      const next = position + page.length;
      const drained = shard.closed && next >= shard.records.length;
      return { Records: page, NextShardIterator: drained ? undefined : `${shard.shardId}|${next}` };
    }
    throw new Error(`unexpected command ${String(command)}`);
  }

  private shard(shardId: string | undefined): ScriptedShard {
    const shard = this.shards.find((candidate) => candidate.shardId === shardId);
    if (!shard) throw Object.assign(new Error(`no shard ${shardId}`), { name: 'ResourceNotFoundException' });
    return shard;
  }
}

let kit: SqsTestKit;
let pipe: StreamPipe | undefined;

beforeEach(async () => {
  kit = await startSqsTestKit(30);
});

afterEach(async () => {
  await pipe?.stop();
  pipe = undefined;
  await kit.stop();
});

async function collectIds(count: number): Promise<string[]> {
  const ids: string[] = [];
  await until(
    async () => {
      const messages = await drainVisible(kit.sqs, kit.queues.queue.url);
      ids.push(...messages.map((message) => (JSON.parse(message.Body ?? '') as PipeStreamEvent).eventID));
      return ids.length >= count;
    },
    `${count} messages`,
    10_000,
  );
  return ids;
}

function startPipe(stream: ScriptedStream, errors: unknown[] = []): Promise<void> {
  pipe = new StreamPipe({
    onError: (error) => errors.push(error),
    streams: stream.client,
    streamArn,
    sqs: kit.sqs,
    queueUrl: kit.queues.queue.url,
    filterPattern: activitiesQueue.source.filterPattern,
    batchSize: activitiesQueue.source.batchSize,
    batchWindowMs: 50,
    startingPosition: 'TRIM_HORIZON',
    pollIntervalMs: 20,
    shardDiscoveryIntervalMs: 50,
  });
  return pipe.start();
}

describe('StreamPipe shard following', () => {
  it('reads a closed parent to its end before its children, and picks up shards that appear later', async () => {
    const stream = new ScriptedStream();
    stream.shards.push(
      { shardId: 'parent', closed: true, records: ['p1', 'p2', 'p3'].map(activityRecord) },
      {
        shardId: 'child-a',
        parentShardId: 'parent',
        closed: false,
        records: ['a1', 'a2'].map(activityRecord),
      },
      { shardId: 'orphan', parentShardId: 'trimmed-away', closed: true, records: ['o1'].map(activityRecord) },
    );
    await startPipe(stream);
    const first = await collectIds(6);
    expect(first.indexOf('event-p3')).toBeLessThan(first.indexOf('event-a1'));
    expect(first.filter((id) => id.startsWith('event-p'))).toEqual(['event-p1', 'event-p2', 'event-p3']);
    expect(first.filter((id) => id.startsWith('event-a'))).toEqual(['event-a1', 'event-a2']);
    expect(first).toContain('event-o1');

    stream.shards.push({
      shardId: 'child-b',
      parentShardId: 'parent',
      closed: false,
      records: ['b1'].map(activityRecord),
    });
    stream.shards[1]?.records.push(activityRecord('a3'));
    const later = await collectIds(2);
    expect(later.sort()).toEqual(['event-a3', 'event-b1']);
    expect(pipe?.checkpoints.get('parent')).toBe(stream.shards[0]?.records.at(-1)?.dynamodb?.SequenceNumber);
    // Each record was read from the stream once.
    expect(new Set(stream.reads).size).toBe(stream.reads.length);
  });

  it('resumes after an expired iterator without reading a record twice', async () => {
    const stream = new ScriptedStream();
    stream.shards.push({ shardId: 'only', closed: false, records: ['x1', 'x2'].map(activityRecord) });
    await startPipe(stream);
    await collectIds(2);
    stream.expireNextIteratorOf = 'only';
    stream.shards[0]?.records.push(activityRecord('x3'), activityRecord('x4'));
    const after = await collectIds(2);
    expect(after).toEqual(['event-x3', 'event-x4']);
    expect(stream.reads).toEqual(['event-x1', 'event-x2', 'event-x3', 'event-x4']);
  });

  it('takes a fresh iterator when DynamoDB Local answers TrimmedDataAccessException for records it still has', async () => {
    const stream = new ScriptedStream();
    stream.shards.push({ shardId: 'only', closed: false, records: [] });
    const errors: unknown[] = [];
    await startPipe(stream, errors);
    stream.spuriousTrimOf = 'only';
    stream.shards[0]?.records.push(activityRecord('t1'), activityRecord('t2'));
    expect(await collectIds(2)).toEqual(['event-t1', 'event-t2']);
    expect(errors).toEqual([]);
  });

  it('reports records trimmed before they were read and goes on from the oldest left', async () => {
    const stream = new ScriptedStream();
    stream.shards.push({ shardId: 'only', closed: false, records: [activityRecord('r1')] });
    const errors: unknown[] = [];
    await startPipe(stream, errors);
    await collectIds(1);
    await pipe?.stop();
    stream.shards[0]?.records.push(activityRecord('r2'), activityRecord('r3'), activityRecord('r4'));
    (stream.shards[0] as ScriptedShard).trimmedBefore = 2;
    await pipe?.start();
    expect(await collectIds(2)).toEqual(['event-r3', 'event-r4']);
    expect(errors.map((error) => (error as Error).name)).toEqual(['StreamRecordsTrimmedError']);
  });
});
