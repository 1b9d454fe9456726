import { describe, expect, it } from 'vitest';
import { movementLabel, movementMark, movementOf } from '../../src/view/movement.ts';

describe('movementOf', () => {
  it('is new without a previous rank', () => {
    expect(movementOf({ rank: 3, previousRank: null })).toEqual({ kind: 'new' });
  });

  it('is up by the places gained (a smaller rank number)', () => {
    expect(movementOf({ rank: 2, previousRank: 5 })).toEqual({ kind: 'up', places: 3 });
  });

  it('is down by the places lost', () => {
    expect(movementOf({ rank: 4, previousRank: 1 })).toEqual({ kind: 'down', places: 3 });
  });

  it('is unchanged at the same rank', () => {
    expect(movementOf({ rank: 7, previousRank: 7 })).toEqual({ kind: 'same' });
  });
});

describe('movement marks and labels', () => {
  it('shows arrows with the number of places, NEW, or a dash', () => {
    expect(movementMark({ kind: 'up', places: 2 })).toBe('▲2');
    expect(movementMark({ kind: 'down', places: 1 })).toBe('▼1');
    expect(movementMark({ kind: 'new' })).toBe('NEW');
    expect(movementMark({ kind: 'same' })).toBe('–');
  });

  it('says the movement in words for screen readers', () => {
    expect(movementLabel({ kind: 'up', places: 1 })).toBe('up 1 place');
    expect(movementLabel({ kind: 'down', places: 3 })).toBe('down 3 places');
    expect(movementLabel({ kind: 'new' })).toBe('new on the board');
    expect(movementLabel({ kind: 'same' })).toBe('no change');
  });
});
