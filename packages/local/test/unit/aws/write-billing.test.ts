import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  billedWriteUnits,
  imageSize,
  type IndexShape,
  type WrittenItem,
} from '../../../src/aws/write-billing.ts';

type Image = Record<string, AttributeValue>;

const byScore: IndexShape = {
  name: 'byScore',
  keys: ['shardKey', 'rankKey'],
  projection: 'ALL',
  nonKeyAttributes: [],
};
const byUser: IndexShape = {
  name: 'byUser',
  keys: ['userId', 'occurredAt'],
  projection: 'INCLUDE',
  nonKeyAttributes: ['points'],
};

const total = (rankKey: string, extra: Image = {}): Image => ({
  pk: { S: 'USER#ada' },
  sk: { S: 'TOTAL#global' },
  shardKey: { S: 'global#3' },
  rankKey: { S: rankKey },
  ...extra,
});

const written = (
  before: Image | null,
  after: Image | null,
  indexes: IndexShape[] = [byScore],
): WrittenItem => ({
  table: 'Scores',
  tableKeys: ['pk', 'sk'],
  indexes,
  before,
  after,
});

describe('write request units of one item written', () => {
  it('bills a new item once in the table and once in an index it enters', () => {
    expect(billedWriteUnits(written(null, total('900#a')))).toEqual({ table: 1, indexes: { byScore: 1 } });
  });

  it("bills a delete and a put in the index when the index's sort key moves", () => {
    expect(billedWriteUnits(written(total('900#a'), total('800#a')))).toEqual({
      table: 1,
      indexes: { byScore: 2 },
    });
  });

  it('bills an index nothing for an attribute it does not project, and an update for one it does', () => {
    const activity = (extra: Image): Image => ({
      pk: { S: 'ACT#ada#1' },
      userId: { S: 'ada' },
      occurredAt: { S: '2026-11-26T08:00:00.000Z' },
      points: { N: '10' },
      ...extra,
    });
    const marked = written(activity({}), activity({ processedAt: { S: 'now' } }), [byUser]);
    expect(billedWriteUnits(marked)).toEqual({ table: 1, indexes: {} });
    const rescored = written(activity({}), activity({ points: { N: '12' } }), [byUser]);
    expect(billedWriteUnits(rescored)).toEqual({ table: 1, indexes: { byUser: 1 } });
  });

  it('bills nothing in an index for an item without its keys (a sparse index)', () => {
    const counter: Image = { pk: { S: 'RATE#ada#1' }, sk: { S: 'x' }, count: { N: '1' } };
    expect(billedWriteUnits(written(null, counter))).toEqual({ table: 1, indexes: {} });
  });

  it('bills each started kilobyte of the larger image, the deleted one included', () => {
    const big = total('900#a', { note: { S: 'x'.repeat(1500) } });
    expect(billedWriteUnits(written(big, total('900#a')))).toEqual({ table: 2, indexes: { byScore: 2 } });
    expect(billedWriteUnits(written(big, null))).toEqual({ table: 2, indexes: { byScore: 2 } });
  });

  it('sizes names and values as DynamoDB does', () => {
    expect(imageSize({ ab: { S: 'héllo' } })).toBe(2 + 6);
    expect(imageSize({ n: { N: '12345' } })).toBe(1 + 4);
    expect(imageSize({ l: { L: [{ S: 'a' }, { BOOL: true }] } })).toBe(1 + 3 + 2 + 2);
    expect(imageSize(null)).toBe(0);
  });
});
