import { describe, expect, it } from 'vitest';
import {
  boardOptions,
  defaultRows,
  requestedBoard,
  requestedRows,
  withBoard,
} from '../../src/view/boards.ts';

// Friday 20 November 2026, in ISO week 47.
const friday = Date.UTC(2026, 10, 20, 12);

describe('boardOptions', () => {
  it('offers all time, this ISO week and each configured program', () => {
    expect(boardOptions(friday, [{ id: 'spring', name: 'Spring Steps' }])).toEqual([
      { boardId: 'global', label: 'All time' },
      { boardId: 'week:2026-W47', label: 'This week (2026-W47)' },
      { boardId: 'program:spring', label: 'Program: Spring Steps' },
    ]);
  });
});

describe('requestedBoard', () => {
  it('takes a valid board id from ?board=', () => {
    expect(requestedBoard('?board=program%3Aspring')).toBe('program:spring');
    expect(requestedBoard('?board=week:2026-W01')).toBe('week:2026-W01');
  });

  it('falls back to global for a missing or invalid board id', () => {
    expect(requestedBoard('')).toBe('global');
    expect(requestedBoard('?board=week:2026-W99')).toBe('global');
    expect(requestedBoard('?board=everything')).toBe('global');
  });
});

describe('withBoard', () => {
  it('adds a board asked for by address that the picker does not list', () => {
    const options = boardOptions(friday, []);
    expect(withBoard(options, 'program:x').at(-1)).toEqual({ boardId: 'program:x', label: 'Program: x' });
    expect(withBoard(options, 'week:2026-W40').at(-1)).toEqual({
      boardId: 'week:2026-W40',
      label: 'Week 2026-W40',
    });
    expect(withBoard(options, 'global')).toEqual(options);
  });
});

describe('requestedRows', () => {
  it('takes 1 to 100 rows from ?rows=, else the default', () => {
    expect(requestedRows('?rows=10')).toBe(10);
    expect(requestedRows('?rows=100')).toBe(100);
    expect([
      requestedRows(''),
      requestedRows('?rows=0'),
      requestedRows('?rows=101'),
      requestedRows('?rows=1e2'),
    ]).toEqual([defaultRows, defaultRows, defaultRows, defaultRows]);
  });
});
