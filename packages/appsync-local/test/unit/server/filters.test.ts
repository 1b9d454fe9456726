import { describe, expect, it } from 'vitest';
import {
  InvalidSubscriptionFilterError,
  matchesArguments,
  matchesEnhancedFilter,
  parseSubscriptionFilter,
} from '../../../src/server/realtime/filters.ts';

const ticket = {
  id: '7',
  group: 'ops',
  severity: 3,
  title: 'DB down',
  tags: ['db', 'page'],
  owner: { team: 'core' },
};

const single = (fieldName: string, operator: string, value?: unknown) =>
  parseSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });

describe('argument filtering', () => {
  it('requires every non-null argument to equal the field of the same name', () => {
    expect(matchesArguments(ticket, { group: 'ops' })).toBe(true);
    expect(matchesArguments(ticket, { group: 'ops', severity: 3 })).toBe(true);
    expect(matchesArguments(ticket, { group: 'ops', severity: 4 })).toBe(false);
    expect(matchesArguments(ticket, { group: 'dev' })).toBe(false);
  });

  it('treats a null or absent argument as no filter', () => {
    expect(matchesArguments(ticket, { group: null, severity: undefined })).toBe(true);
  });

  it('compares IDs by their text, and needs the field to be in the payload', () => {
    expect(matchesArguments(ticket, { id: 7 })).toBe(true);
    expect(matchesArguments({ group: 'ops' }, { severity: 3 })).toBe(false);
  });
});

describe('enhanced filtering', () => {
  it.each([
    ['eq', 'severity', 3, true],
    ['eq', 'severity', 4, false],
    ['ne', 'group', 'dev', true],
    ['ne', 'group', 'ops', false],
    ['lt', 'severity', 4, true],
    ['lt', 'severity', 3, false],
    ['le', 'severity', 3, true],
    ['gt', 'severity', 2, true],
    ['gt', 'severity', 3, false],
    ['ge', 'severity', 3, true],
    ['ge', 'severity', 4, false],
    ['contains', 'title', 'DB', true],
    ['contains', 'tags', 'page', true],
    ['contains', 'tags', 'web', false],
    ['notContains', 'tags', 'web', true],
    ['notContains', 'title', 'DB', false],
    ['beginsWith', 'title', 'DB', true],
    ['beginsWith', 'title', 'down', false],
    ['in', 'group', ['ops', 'dev'], true],
    ['in', 'group', ['dev'], false],
    ['notIn', 'group', ['dev'], true],
    ['notIn', 'group', ['ops'], false],
    ['between', 'severity', [1, 3], true],
    ['between', 'severity', [4, 5], false],
    ['containsAny', 'tags', ['web', 'page'], true],
    ['eq', 'owner.team', 'core', true],
  ])('%s on %s %j → %s', (operator, fieldName, value, expected) => {
    expect(matchesEnhancedFilter(ticket, single(fieldName, operator, value))).toBe(expected);
  });

  it('ANDs the filters of a group and ORs the groups', () => {
    const filter = parseSubscriptionFilter({
      filterGroup: [
        {
          filters: [
            { fieldName: 'severity', operator: 'ge', value: 4 },
            { fieldName: 'group', operator: 'eq', value: 'ops' },
          ],
        },
        { filters: [{ fieldName: 'tags', operator: 'contains', value: 'page' }] },
      ],
    });
    expect(matchesEnhancedFilter(ticket, filter)).toBe(true);
    expect(matchesEnhancedFilter({ ...ticket, tags: [] }, filter)).toBe(false);
    expect(matchesEnhancedFilter({ ...ticket, tags: [], severity: 5 }, filter)).toBe(true);
  });

  it('refuses malformed filters', () => {
    expect(() => parseSubscriptionFilter({ filterGroup: [] })).toThrow(InvalidSubscriptionFilterError);
    expect(() => single('severity', 'like', 1)).toThrow(/unknown operator 'like'/);
    expect(() => single('severity', 'between', [1])).toThrow(/between/);
    expect(() => single('group', 'in', 'ops')).toThrow(/in needs a list/);
  });
});
