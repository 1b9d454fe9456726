/**
 * Test helpers that write activities as the Activities table holds them and wrap them into the
 * SQS message bodies the pipe delivers (DynamoDB stream records). The attribute names are
 * spelled out here, not taken from the codec: they are what stored data has, so a codec that
 * renames one fails the worker's tests.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { activitiesTable } from '@leaderboard/core/tables';
import { activityKey } from '@leaderboard/core/items/activity';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';

export interface TestActivity {
  readonly id: string;
  readonly userId: string;
  readonly displayName?: string;
  readonly type: string;
  readonly points: number;
  readonly programId?: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

export function activityItem(activity: TestActivity): Record<string, unknown> {
  return {
    pk: activityKey(activity.userId, activity.id).pk,
    kind: 'activity',
    id: activity.id,
    userId: activity.userId,
    displayName: activity.displayName ?? `Name ${activity.userId}`,
    type: activity.type,
    quantity: activity.points,
    points: activity.points,
    basePoints: activity.points,
    ...(activity.programId ? { programId: activity.programId } : {}),
    occurredAt: activity.occurredAt,
    recordedAt: activity.recordedAt,
  };
}

export async function storeActivities(
  documentClient: DynamoDBDocumentClient,
  activities: readonly TestActivity[],
) {
  for (const activity of activities) {
    await documentClient.send(
      new PutCommand({ TableName: activitiesTable.name, Item: activityItem(activity) }),
    );
  }
}

/** The message body the EventBridge Pipe sends for one INSERT stream record. */
export function streamMessageBody(activity: TestActivity, sequence: number): string {
  const item = activityItem(activity);
  return JSON.stringify({
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.parse(activity.recordedAt) / 1000),
      Keys: marshall({ pk: item['pk'] }),
      NewImage: marshall(item, { removeUndefinedValues: true }),
      SequenceNumber: String(100_000 + sequence),
      SizeBytes: 200,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/Activities/stream/2026-01-01T00:00:00.000',
  });
}

let messageSequence = 0;

export function sqsRecord(body: string): SQSRecord {
  messageSequence += 1;
  return {
    messageId: `message-${messageSequence}`,
    receiptHandle: `receipt-${messageSequence}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'pipe',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ActivitiesQueue',
    awsRegion: 'us-east-1',
  };
}

export const sqsEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });

export const lambdaContext = (functionName: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: `request-${Date.now()}`,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Deterministic shuffle (mulberry32), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
