import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeProgram } from '../../../src/items/decode.ts';
import {
  encodeProgram,
  encodeProgramCount,
  parseProgramCount,
  programCountIncrement,
  programCountKey,
  programKey,
  programReplacement,
  type StoredProgram,
} from '../../../src/items/program.ts';
import { without, withAttribute } from './support.ts';

const program: StoredProgram = {
  id: 'spring',
  name: 'Spring Steps',
  description: 'Walk more in spring.',
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-06-01T00:00:00.000Z',
  activityTypes: ['steps', 'running'],
  pointsGoal: 500,
  createdAt: '2026-02-20T08:00:00.000Z',
  updatedAt: '2026-02-21T08:00:00.000Z',
  updatedBy: 'admin-1',
};

/** As the Scores table holds it. */
const stored = {
  pk: 'PROGRAMS',
  sk: 'PROGRAM#spring',
  kind: 'program',
  id: 'spring',
  name: 'Spring Steps',
  description: 'Walk more in spring.',
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-06-01T00:00:00.000Z',
  activityTypes: ['steps', 'running'],
  pointsGoal: 500,
  createdAt: '2026-02-20T08:00:00.000Z',
  updatedAt: '2026-02-21T08:00:00.000Z',
  updatedBy: 'admin-1',
};

describe('program codec', () => {
  it('writes the attribute names and key stored programs have, and reads them back', () => {
    expect(encodeProgram(program)).toEqual(stored);
    expect(programKey('spring')).toEqual({ pk: 'PROGRAMS', sk: 'PROGRAM#spring' });
    expect(decodeProgram(stored)).toEqual(program);
  });

  it('leaves the goal out when the program sets none', () => {
    const withoutGoal = { ...program, pointsGoal: null };
    expect(encodeProgram(withoutGoal)).toEqual(without(stored, 'pointsGoal'));
    expect(decodeProgram(without(stored, 'pointsGoal'))).toEqual(withoutGoal);
  });

  it.each<[string, string, unknown]>([
    ['no name', 'name', without(stored, 'name')],
    ['an id other than its key', 'sk', withAttribute(stored, 'id', 'summer')],
    ['no activity types', 'activityTypes', withAttribute(stored, 'activityTypes', [])],
    ['a type that is not a name', 'activityTypes', withAttribute(stored, 'activityTypes', ['steps', 3])],
    ['a goal of 0', 'pointsGoal', withAttribute(stored, 'pointsGoal', 0)],
    ['an end that is not a timestamp', 'endsAt', withAttribute(stored, 'endsAt', '2026-06-01')],
    ['no updatedBy', 'updatedBy', without(stored, 'updatedBy')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'progress')],
  ])('refuses a program with %s (%s)', (_, attribute, item) => {
    expect(() => decodeProgram(item)).toThrow(MalformedItemError);
    expect(() => decodeProgram(item)).toThrow(attribute);
  });
});

describe('program count codec', () => {
  it('keeps the count beside the programs, under a key no program has', () => {
    expect(encodeProgramCount(3)).toEqual({ pk: 'PROGRAMS', sk: 'COUNT', kind: 'programCount', count: 3 });
    expect(programCountKey.sk.startsWith('PROGRAM#')).toBe(false);
    expect(parseProgramCount(encodeProgramCount(3))).toEqual({ ok: true, value: 3 });
    expect(parseProgramCount(withAttribute(encodeProgramCount(3), 'count', -1)).ok).toBe(false);
  });

  it('counts one more under the limit, by the stored names', () => {
    const increment = programCountIncrement(200);
    expect(increment.update.names).toEqual({ '#count': 'count', '#kind': 'kind' });
    expect(increment.update.values).toEqual({ ':one': 1, ':kind': 'programCount' });
    expect(increment.condition).toEqual({
      expression: 'attribute_not_exists(#count) OR #count < :limit',
      names: { '#count': 'count' },
      values: { ':limit': 200 },
    });
  });
});

describe('program edit', () => {
  it('sets every attribute but the key and createdAt', () => {
    const edit = programReplacement(program);
    expect(Object.values(edit.names).sort()).toEqual(
      Object.keys(stored)
        .filter((name) => !['pk', 'sk', 'createdAt'].includes(name))
        .sort(),
    );
    expect(edit.expression.startsWith('SET ')).toBe(true);
    expect(edit.expression).not.toContain('REMOVE');
  });

  it('removes the goal when the edit sets none', () => {
    const edit = programReplacement({ ...program, pointsGoal: null });
    expect(edit.expression).toMatch(/ REMOVE #pointsGoal$/);
    expect(edit.names['#pointsGoal']).toBe('pointsGoal');
    expect(Object.values(edit.values)).not.toContain(500);
  });
});
