import { describe, expect, it } from 'vitest';
import {
  groupedOptions,
  maxRows,
  pickerOptions,
  requestedBoard,
  requestedRows,
} from '../../src/view/boards.ts';

// Friday 20 November 2026, in ISO week 47.
const friday = Date.UTC(2026, 10, 20, 12);

describe('pickerOptions', () => {
  it('offers all time, this ISO week and month and each program, running ones first', () => {
    expect(
      pickerOptions({
        nowMs: friday,
        programs: [
          { id: 'autumn', name: 'Autumn Walk', status: 'ENDED' },
          { id: 'spring', name: 'Spring Steps', status: 'ACTIVE' },
          { id: 'winter', name: 'Winter Swim', status: 'UPCOMING' },
        ],
        selected: 'global',
      }),
    ).toEqual([
      { boardId: 'global', label: 'All time', group: 'Boards' },
      { boardId: 'week:2026-W47', label: 'This week (2026-W47)', group: 'Boards' },
      { boardId: 'month:2026-11', label: 'This month (2026-11)', group: 'Boards' },
      { boardId: 'program:spring', label: 'Program: Spring Steps', group: 'Programs' },
      { boardId: 'program:winter', label: 'Program: Winter Swim (upcoming)', group: 'Programs' },
      { boardId: 'program:autumn', label: 'Program: Autumn Walk (ended)', group: 'Programs' },
      { boardId: 'team:global', label: 'Teams: All time', group: 'Teams' },
      { boardId: 'team:week:2026-W47', label: 'Teams: This week (2026-W47)', group: 'Teams' },
      { boardId: 'team:month:2026-11', label: 'Teams: This month (2026-11)', group: 'Teams' },
      { boardId: 'team:program:spring', label: 'Teams: Program: Spring Steps', group: 'Teams' },
      { boardId: 'team:program:winter', label: 'Teams: Program: Winter Swim (upcoming)', group: 'Teams' },
      { boardId: 'team:program:autumn', label: 'Teams: Program: Autumn Walk (ended)', group: 'Teams' },
    ]);
  });

  it('offers a team board asked for by address under Teams', () => {
    expect(pickerOptions({ nowMs: friday, programs: [], selected: 'team:program:x' }).at(-1)).toEqual({
      boardId: 'team:program:x',
      label: 'Teams: Program: x',
      group: 'Teams',
    });
    expect(requestedBoard('?board=team%3Aglobal')).toBe('team:global');
  });

  it('adds a board asked for by address that no source lists, in its group', () => {
    const offered = (selected: string) => pickerOptions({ nowMs: friday, programs: [], selected });
    expect(offered('program:x').at(-1)).toEqual({
      boardId: 'program:x',
      label: 'Program: x',
      group: 'Programs',
    });
    expect(offered('week:2026-W40').at(-1)).toEqual({
      boardId: 'week:2026-W40',
      label: 'Week 2026-W40',
      group: 'Boards',
    });
    expect(offered('month:2026-01').at(-1)).toEqual({
      boardId: 'month:2026-01',
      label: 'Month 2026-01',
      group: 'Boards',
    });
    expect(offered('global')).toHaveLength(6);
  });
});

describe('groupedOptions', () => {
  it('keeps each group together under one heading, in the order groups first appear', () => {
    const options = pickerOptions({
      nowMs: friday,
      programs: [{ id: 'spring', name: 'Spring', status: 'ACTIVE' }],
      selected: 'week:2026-W40',
    });
    expect(
      groupedOptions(options).map(({ group, options: grouped }) => [group, grouped.map((o) => o.boardId)]),
    ).toEqual([
      ['Boards', ['global', 'week:2026-W47', 'month:2026-11', 'week:2026-W40']],
      ['Programs', ['program:spring']],
      ['Teams', ['team:global', 'team:week:2026-W47', 'team:month:2026-11', 'team:program:spring']],
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

describe('requestedRows', () => {
  it('takes 1 to 100 rows from ?rows=, else as many as the screen fits up to 100', () => {
    expect(requestedRows('?rows=10')).toBe(10);
    expect(requestedRows('?rows=100')).toBe(100);
    expect([
      requestedRows(''),
      requestedRows('?rows=0'),
      requestedRows('?rows=101'),
      requestedRows('?rows=1e2'),
    ]).toEqual([maxRows, maxRows, maxRows, maxRows]);
  });
});
