/** `util.transform.toSubscriptionFilter`: groups are alternatives, filters in a group all hold. */
import { describe, expect, test } from 'vitest';
import { toSubscriptionFilter } from '../../../src/engine/index.ts';

const groups = (filter: unknown, ignored?: unknown, rules?: unknown) =>
  toSubscriptionFilter(filter, ignored, rules)?.filterGroup.map((group) =>
    group.filters.map((f) => `${f.fieldName} ${f.operator} ${JSON.stringify(f.value)}`),
  );

describe('toSubscriptionFilter', () => {
  test('fields in one object form one group', () => {
    expect(toSubscriptionFilter({ boardId: { eq: 'global' }, score: { gt: 10 } })).toEqual({
      filterGroup: [
        {
          filters: [
            { fieldName: 'boardId', operator: 'eq', value: 'global' },
            { fieldName: 'score', operator: 'gt', value: 10 },
          ],
        },
      ],
    });
  });

  test('or members, and several operators on one field, multiply into groups', () => {
    expect(
      groups({
        percentageUp: { lte: 50, gte: 20 },
        and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
        or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
      }),
    ).toEqual([
      ['percentageUp lte 50', 'title ne "Book1"', 'downvotes gt 2000', 'author eq "Admin"'],
      ['percentageUp lte 50', 'title ne "Book1"', 'downvotes gt 2000', 'isPublished eq false'],
      ['percentageUp gte 20', 'title ne "Book1"', 'downvotes gt 2000', 'author eq "Admin"'],
      ['percentageUp gte 20', 'title ne "Book1"', 'downvotes gt 2000', 'isPublished eq false'],
    ]);
  });

  test('ignored fields are dropped at any depth; rules add alternatives', () => {
    expect(groups({ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }, ['b'])).toEqual([['a eq 1']]);
    expect(groups({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } })).toEqual([
      ['a eq 1', 'r1 gte 250'],
      ['a eq 1', 'r2 eq "p"'],
    ]);
    expect(groups({}, [], { r1: { eq: 1 } })).toEqual([['r1 eq 1']]);
  });

  test('nothing to filter on, or not an object', () => {
    expect(toSubscriptionFilter({})).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter({ a: {} })).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter(null)).toBeNull();
    expect(toSubscriptionFilter([])).toBeNull();
  });
});
