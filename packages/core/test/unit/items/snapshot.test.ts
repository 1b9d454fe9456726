import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeSnapshot } from '../../../src/items/decode.ts';
import {
  encodeSnapshot,
  parseSnapshot,
  snapshotKey,
  type BoardSnapshot,
} from '../../../src/items/snapshot.ts';
import { without, withAttribute } from './support.ts';

const snapshot: BoardSnapshot = {
  boardId: 'week:2026-W47',
  version: 4,
  asOf: '2026-11-21T10:00:00.000Z',
  entries: [
    { rank: 1, previousRank: 2, userId: 'grace', displayName: 'Grace', score: 100 },
    { rank: 2, previousRank: null, userId: 'ada', displayName: null, score: 80 },
  ],
  publishedVersion: 3,
};

const stored = {
  pk: 'BOARD#week:2026-W47',
  sk: 'SNAPSHOT',
  kind: 'snapshot',
  boardId: 'week:2026-W47',
  version: 4,
  asOf: '2026-11-21T10:00:00.000Z',
  entries: [
    { rank: 1, previousRank: 2, userId: 'grace', displayName: 'Grace', score: 100 },
    { rank: 2, previousRank: null, userId: 'ada', displayName: null, score: 80 },
  ],
  publishedVersion: 3,
};

describe('snapshot codec', () => {
  it('writes the attribute names stored snapshots have', () => {
    expect(encodeSnapshot(snapshot)).toEqual(stored);
    expect(snapshotKey('global')).toEqual({ pk: 'BOARD#global', sk: 'SNAPSHOT' });
  });

  it('reads back what it writes', () => {
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
  });

  it('reads absent optional entry fields as null, and a never-published snapshot as published version 0', () => {
    const entry = { rank: 1, userId: 'ada', score: 5 };
    expect(decodeSnapshot({ ...without(stored, 'publishedVersion'), entries: [entry] })).toMatchObject({
      publishedVersion: 0,
      entries: [{ rank: 1, previousRank: null, userId: 'ada', displayName: null, score: 5 }],
    });
  });

  it.each<[string, string, unknown]>([
    ['no version', 'version', without(stored, 'version')],
    ['entries that are not a list', 'entries', withAttribute(stored, 'entries', 'none')],
    ['an entry without a score', 'entry 0', withAttribute(stored, 'entries', [{ rank: 1, userId: 'ada' }])],
    ['an entry with rank 0', 'rank', withAttribute(stored, 'entries', [{ rank: 0, userId: 'a', score: 1 }])],
    ['a board other than its key', 'pk', withAttribute(stored, 'boardId', 'global')],
    ['an asOf that is not a timestamp', 'asOf', withAttribute(stored, 'asOf', 'now')],
  ])('refuses a snapshot with %s, naming %s', (_, named, item) => {
    expect(parseSnapshot(item).ok).toBe(false);
    expect(() => decodeSnapshot(item)).toThrow(MalformedItemError);
    expect(() => decodeSnapshot(item)).toThrow(named);
  });
});
