import { describe, expect, it } from 'vitest';
import { boardsForActivity, parseBoardId } from '../../src/boards.ts';

describe('boards', () => {
  const occurredAtMs = Date.parse('2026-11-18T09:30:00Z');

  it('counts an activity on global, its program and its ISO week', () => {
    expect(boardsForActivity({ programId: 'spring-2026', occurredAtMs })).toEqual([
      'global',
      'program:spring-2026',
      'week:2026-W47',
    ]);
    expect(boardsForActivity({ programId: null, occurredAtMs })).toEqual(['global', 'week:2026-W47']);
  });

  it('parses every board id form', () => {
    expect(parseBoardId('global')).toEqual({ ok: true, value: { kind: 'global', boardId: 'global' } });
    expect(parseBoardId('program:p_1')).toEqual({
      ok: true,
      value: { kind: 'program', boardId: 'program:p_1', programId: 'p_1' },
    });
    expect(parseBoardId('week:2026-W07')).toEqual({
      ok: true,
      value: { kind: 'week', boardId: 'week:2026-W07', year: 2026, week: 7 },
    });
  });

  it.each([
    '',
    'Global',
    'program:',
    'program:a#b',
    'week:2026-W00',
    'week:2026-W54',
    'week:2026-47',
    'week:26-W01',
    `program:${'x'.repeat(65)}`,
  ])('refuses %j as a ValidationError', (boardId) => {
    const outcome = parseBoardId(boardId);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.errorType).toBe('ValidationError');
  });
});
