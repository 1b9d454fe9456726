/**
 * Reading an activity out of an SQS message body. The pipe delivers each DynamoDB stream
 * record as the body: `{eventName, dynamodb: {NewImage, ...}, ...}` with a DynamoDB-JSON image.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { itemKinds } from '@leaderboard/core/keys';

/** The message cannot become an activity: retrying will not help, so it belongs in the DLQ. */
export class UnreadableActivityError extends Error {
  override readonly name = 'UnreadableActivityError';
}

export interface RecordedActivity {
  /** The activity item's key in the Activities table. */
  readonly pk: string;
  readonly id: string;
  readonly userId: string;
  readonly displayName: string | null;
  readonly type: string;
  /** Points after the daily cap: what counts on every board. */
  readonly points: number;
  readonly programId: string | null;
  readonly occurredAtMs: number;
  /** ISO 8601; the latest `recordedAt` behind a total is when the user reached that total. */
  readonly recordedAtMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireString(item: Record<string, unknown>, name: string): string {
  const value = item[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new UnreadableActivityError(`activity has no ${name}`);
  return value;
}

function requireTimestamp(item: Record<string, unknown>, name: string): number {
  const epochMs = Date.parse(requireString(item, name));
  if (Number.isNaN(epochMs)) throw new UnreadableActivityError(`activity ${name} is not a date-time`);
  return epochMs;
}

export function parseActivityMessage(body: string): RecordedActivity {
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
  let item: Record<string, unknown>;
  try {
    item = unmarshall(image as Record<string, AttributeValue>);
  } catch (error) {
    throw new UnreadableActivityError(`NewImage is not DynamoDB JSON: ${(error as Error).message}`);
  }
  if (item['kind'] !== itemKinds.activity)
    throw new UnreadableActivityError(`item kind is ${String(item['kind'])}`);
  const points = item['points'];
  if (typeof points !== 'number' || !Number.isSafeInteger(points) || points < 0) {
    throw new UnreadableActivityError('activity points is not a non-negative integer');
  }
  const programId = item['programId'];
  const displayName = item['displayName'];
  return {
    pk: requireString(item, 'pk'),
    id: requireString(item, 'id'),
    userId: requireString(item, 'userId'),
    displayName: typeof displayName === 'string' && displayName.length > 0 ? displayName : null,
    type: requireString(item, 'type'),
    points,
    programId: typeof programId === 'string' && programId.length > 0 ? programId : null,
    occurredAtMs: requireTimestamp(item, 'occurredAt'),
    recordedAtMs: requireTimestamp(item, 'recordedAt'),
  };
}
