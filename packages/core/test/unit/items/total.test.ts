import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeTotal } from '../../../src/items/decode.ts';
import { encodeTotal, parseTotal, totalKey, type StoredTotal } from '../../../src/items/total.ts';
import { without, withAttribute } from './support.ts';

const total: StoredTotal = {
  userId: 'ada',
  boardId: 'global',
  displayName: 'Ada Lovelace',
  score: 123,
  reachedAt: '2026-11-20T08:05:00.000Z',
  updatedAt: '2026-11-20T08:05:02.000Z',
  teamIds: [],
};

/** As the Scores table holds it, shard and rank key included (8 shards; `ada` hashes to shard 3). */
const stored = {
  pk: 'USER#ada',
  sk: 'TOTAL#global',
  kind: 'total',
  boardId: 'global',
  userId: 'ada',
  displayName: 'Ada Lovelace',
  score: 123,
  reachedAt: '2026-11-20T08:05:00.000Z',
  shardKey: 'global#3',
  rankKey: '999999999999876#2026-11-20T08:05:00.000Z#ada',
  updatedAt: '2026-11-20T08:05:02.000Z',
};

describe('total codec', () => {
  it('writes the attribute names, shard key and rank key stored totals have', () => {
    expect(encodeTotal(total, 8)).toEqual(stored);
    expect(totalKey('ada', 'global')).toEqual({ pk: 'USER#ada', sk: 'TOTAL#global' });
  });

  it('reads back what it writes', () => {
    expect(decodeTotal(encodeTotal(total, 8))).toEqual(total);
    expect(parseTotal(stored)).toEqual({ ok: true, value: total });
  });

  it('keeps the teams the user earned points for, and reads a total without any as teamless', () => {
    const teamed = { ...total, teamIds: ['blue-team', 'red-team'] };
    expect(encodeTotal(teamed, 8)).toEqual({ ...stored, teamIds: ['blue-team', 'red-team'] });
    expect(decodeTotal(encodeTotal(teamed, 8))).toEqual(teamed);
    expect(encodeTotal(total, 8)).not.toHaveProperty('teamIds');
  });

  it.each<[string, string, unknown]>([
    ['no score', 'score', without(stored, 'score')],
    ['a negative score', 'score', withAttribute(stored, 'score', -1)],
    ['no rank key (missing from the ranking index)', 'rankKey', without(stored, 'rankKey')],
    ['no shard key', 'shardKey', without(stored, 'shardKey')],
    ['a board other than its key', 'sk', withAttribute(stored, 'boardId', 'program:spring')],
    ['a user other than its key', 'pk', withAttribute(stored, 'userId', 'grace')],
    ['a reachedAt that is not a timestamp', 'reachedAt', withAttribute(stored, 'reachedAt', '2026-11-20')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'progress')],
    ['team ids that are not a list', 'teamIds', withAttribute(stored, 'teamIds', 'blue-team')],
    ['an empty team id', 'teamIds', withAttribute(stored, 'teamIds', ['blue-team', ''])],
  ])('refuses a total with %s, naming %s', (_, named, item) => {
    expect(() => decodeTotal(item)).toThrow(MalformedItemError);
    expect(() => decodeTotal(item)).toThrow(named);
  });
});
