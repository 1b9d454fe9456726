import { describe, expect, it } from 'vitest';
import { parseActivityMessage, UnreadableActivityError } from '../../src/aggregation/activity-record.ts';
import { streamMessageBody } from '../support/activities.ts';

const activity = {
  id: 'a1',
  userId: 'u1',
  type: 'running',
  points: 12,
  programId: 'spring',
  occurredAt: '2026-11-20T08:00:00.000Z',
  recordedAt: '2026-11-20T08:05:00.000Z',
};

describe('activity messages', () => {
  it('reads the activity out of a pipe-delivered stream record', () => {
    expect(parseActivityMessage(streamMessageBody(activity, 1))).toEqual({
      pk: 'ACT#u1#a1',
      id: 'a1',
      userId: 'u1',
      displayName: 'Name u1',
      type: 'running',
      points: 12,
      programId: 'spring',
      teamId: null,
      occurredAtMs: Date.parse(activity.occurredAt),
      recordedAtMs: Date.parse(activity.recordedAt),
    });
  });

  interface StreamRecordJson {
    dynamodb: { NewImage: Record<string, unknown> } & Record<string, unknown>;
    [key: string]: unknown;
  }
  const record = JSON.parse(streamMessageBody(activity, 1)) as StreamRecordJson;
  it.each<[string, string]>([
    ['not JSON', '{oops'],
    ['not a stream record', JSON.stringify({ hello: 'world' })],
    ['a MODIFY record', JSON.stringify({ ...record, eventName: 'MODIFY' })],
    [
      'an image without points',
      JSON.stringify({
        ...record,
        dynamodb: { ...record.dynamodb, NewImage: { ...record.dynamodb.NewImage, points: undefined } },
      }),
    ],
    [
      'negative points',
      JSON.stringify({
        ...record,
        dynamodb: {
          ...record.dynamodb,
          NewImage: { ...record.dynamodb.NewImage, points: { N: '-3' } },
        },
      }),
    ],
    [
      'another item kind',
      JSON.stringify({
        ...record,
        dynamodb: {
          ...record.dynamodb,
          NewImage: { ...record.dynamodb.NewImage, kind: { S: 'rateCounter' } },
        },
      }),
    ],
    [
      'a bad date',
      JSON.stringify({
        ...record,
        dynamodb: {
          ...record.dynamodb,
          NewImage: { ...record.dynamodb.NewImage, occurredAt: { S: 'yesterday' } },
        },
      }),
    ],
  ])('refuses %s as unreadable', (_, body) => {
    expect(() => parseActivityMessage(body)).toThrow(UnreadableActivityError);
  });
});
