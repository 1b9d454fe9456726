import { describe, expect, it } from 'vitest';
import { moreLabel, rowsThatFit, visibleRows } from '../../src/view/fit.ts';

const rows = (count: number, height = 30) => Array.from({ length: count }, () => height);

describe('rowsThatFit', () => {
  it('shows every row when all fit, with no room kept for "+N more"', () => {
    expect(rowsThatFit({ rowHeights: rows(25), available: 750, moreHeight: 40 })).toBe(25);
  });

  it('counts whole rows only', () => {
    expect(rowsThatFit({ rowHeights: rows(25), available: 749.9, moreHeight: 0 })).toBe(24);
  });

  it('leaves room for the "+N more" line when rows are cut', () => {
    // 14 rows would fit in 420 px, but the more line takes the room of two.
    expect(rowsThatFit({ rowHeights: rows(25), available: 420, moreHeight: 31 })).toBe(12);
  });

  it('adds up rows of different heights (the top three are taller)', () => {
    expect(rowsThatFit({ rowHeights: [40, 40, 40, 30, 30, 30], available: 185, moreHeight: 25 })).toBe(4);
  });

  it('shows nothing when not even one row fits', () => {
    expect(rowsThatFit({ rowHeights: rows(3), available: 10, moreHeight: 20 })).toBe(0);
    expect(rowsThatFit({ rowHeights: [], available: 500, moreHeight: 20 })).toBe(0);
  });
});

describe('visibleRows', () => {
  it('shows the leading rows that fit and counts the rest', () => {
    expect(visibleRows(25, 20)).toEqual({
      indices: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      hidden: 5,
    });
    expect(visibleRows(5, 20)).toEqual({ indices: [0, 1, 2, 3, 4], hidden: 0 });
  });

  it("keeps the viewer's own row when it fits", () => {
    expect(visibleRows(10, 4, 2)).toEqual({ indices: [0, 1, 2, 3], hidden: 6 });
  });

  it('puts a cut own row in place of the last row that fits', () => {
    expect(visibleRows(10, 4, 8)).toEqual({ indices: [0, 1, 2, 8], hidden: 6 });
  });

  it('does not give the only row that fits to the own row: the leader stays', () => {
    expect(visibleRows(10, 1, 8)).toEqual({ indices: [0], hidden: 9 });
  });

  it('ignores an own index outside the board', () => {
    expect(visibleRows(3, 2, 7)).toEqual({ indices: [0, 1], hidden: 1 });
  });
});

describe('moreLabel', () => {
  it('says how many rows were left out', () => {
    expect(moreLabel(6)).toBe('+6 more');
  });
});
