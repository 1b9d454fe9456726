/**
 * Reading an activity out of an SQS message body. The pipe delivers each DynamoDB stream
 * record as the body: `{eventName, dynamodb: {NewImage, ...}, ...}` with a DynamoDB-JSON image.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { activityKey, parseActivity } from '@leaderboard/core/items/activity';

/** The message cannot become an activity: retrying will not help, so it belongs in the DLQ. */
export class UnreadableActivityError extends Error {
  override readonly name = 'UnreadableActivityError';
}

export interface RecordedActivity {
  /** The activity item's key in the Activities table. */
  readonly pk: string;
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly type: string;
  /** Points after the daily cap: what counts on every board. */
  readonly points: number;
  readonly programId: string | null;
  /** The team its points count for, if any. */
  readonly teamId: string | null;
  readonly occurredAtMs: number;
  /** The latest `recordedAt` behind a total is when the user reached that total. */
  readonly recordedAtMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function newImageOf(body: string): Record<string, unknown> {
  let record: unknown;
  try {
    record = JSON.parse(body);
  } catch {
    throw new UnreadableActivityError('message body is not JSON');
  }
  if (!isRecord(record) || !isRecord(record['dynamodb'])) {
    throw new UnreadableActivityError('message body is not a DynamoDB stream record');
  }
  if (record['eventName'] !== 'INSERT') {
    throw new UnreadableActivityError(`stream record is ${String(record['eventName'])}, not INSERT`);
  }
  const image = record['dynamodb']['NewImage'];
  if (!isRecord(image)) throw new UnreadableActivityError('stream record has no NewImage');
  try {
    return unmarshall(image as Record<string, AttributeValue>);
  } catch (error) {
    throw new UnreadableActivityError(`NewImage is not DynamoDB JSON: ${(error as Error).message}`);
  }
}

/** The activity in a message, read by the activity item's codec (the one its resolver writes with). */
export function parseActivityMessage(body: string): RecordedActivity {
  const decoded = parseActivity(newImageOf(body));
  if (!decoded.ok) throw new UnreadableActivityError(decoded.problem);
  const activity = decoded.value;
  return {
    pk: activityKey(activity.userId, activity.key).pk,
    id: activity.id,
    userId: activity.userId,
    displayName: activity.displayName,
    type: activity.type,
    points: activity.points,
    programId: activity.programId,
    teamId: activity.teamId,
    occurredAtMs: Date.parse(activity.occurredAt),
    recordedAtMs: Date.parse(activity.recordedAt),
  };
}
