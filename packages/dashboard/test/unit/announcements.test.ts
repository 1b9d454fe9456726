import { describe, expect, it } from 'vitest';
import { describeUpdate, entryName, ordinal } from '../../src/view/announcements.ts';
import type { BoardSnapshot } from '../../src/view/snapshot.ts';

const board = (
  version: number,
  entries: Array<[userId: string, score: number, previousRank: number | null]>,
): BoardSnapshot => ({
  boardId: 'global',
  version,
  asOf: '2026-11-20T10:00:00.000Z',
  entries: entries.map(([userId, score, previousRank], index) => ({
    rank: index + 1,
    previousRank,
    userId,
    displayName: userId.toUpperCase(),
    score,
  })),
});

describe('ordinal', () => {
  it('uses st, nd, rd and th, with 11th to 13th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});

describe('entryName', () => {
  it('prefers the display name and falls back to the user id', () => {
    expect(entryName({ displayName: 'Ada', userId: 'u1' })).toBe('Ada');
    expect(entryName({ displayName: '  ', userId: 'u1' })).toBe('u1');
    expect(entryName({ displayName: null, userId: 'u1' })).toBe('u1');
  });
});

describe('describeUpdate', () => {
  it('names a new leader and who moved up or entered', () => {
    const before = board(1, [
      ['alice', 100, null],
      ['bob', 80, null],
      ['dave', 60, null],
    ]);
    const after = board(2, [
      ['carol', 180, null],
      ['dave', 120, 3],
      ['alice', 100, 1],
      ['erin', 90, null],
      ['bob', 80, 2],
    ]);
    expect(describeUpdate(before, after)).toBe(
      'CAROL leads with 180 points. DAVE moves up to 2nd. ERIN enters at 4th.',
    );
  });

  it('does not repeat an unchanged leader', () => {
    const before = board(1, [
      ['alice', 100, null],
      ['bob', 80, null],
      ['carol', 70, null],
    ]);
    const after = board(2, [
      ['alice', 110, 1],
      ['carol', 90, 3],
      ['bob', 80, 2],
    ]);
    expect(describeUpdate(before, after)).toBe('CAROL moves up to 2nd.');
  });

  it('says scores changed when nobody moved', () => {
    const before = board(1, [['alice', 100, null]]);
    expect(describeUpdate(before, board(2, [['alice', 120, 1]]))).toBe('Scores updated.');
  });

  it('says an empty board is empty', () => {
    expect(describeUpdate(undefined, board(0, []))).toBe('No scores on this board yet.');
  });
});
