import { describe, expect, it } from 'vitest';
import { standingBoards } from '../../../src/employee/model/boards.ts';

describe('standingBoards', () => {
  it('offers all time, each current time window and each running program', () => {
    // Friday 20 November 2026, in ISO week 47.
    expect(standingBoards(Date.UTC(2026, 10, 20, 12), [{ id: 'spring', name: 'Spring Steps' }])).toEqual([
      { boardId: 'global', label: 'All time' },
      { boardId: 'week:2026-W47', label: 'This week' },
      { boardId: 'month:2026-11', label: 'This month' },
      { boardId: 'program:spring', label: 'Spring Steps' },
    ]);
  });
});
