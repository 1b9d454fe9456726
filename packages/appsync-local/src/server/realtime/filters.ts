/**
 * Which subscribers an event reaches. Basic filtering: every subscription argument given a
 * non-null value must equal the published field of the same name. Enhanced filtering (set by
 * the subscription's resolver with `extensions.setSubscriptionFilter`) replaces it:
 * `filterGroup` entries are OR-ed, the filters inside one entry AND-ed.
 */

export interface SubscriptionFilterRule {
  readonly fieldName: string;
  readonly operator: string;
  readonly value?: unknown;
}

export interface SubscriptionFilter {
  readonly filterGroup: readonly { readonly filters: readonly SubscriptionFilterRule[] }[];
}

export class InvalidSubscriptionFilterError extends Error {
  constructor(detail: string) {
    super(`Invalid subscription filter: ${detail}`);
    this.name = 'InvalidSubscriptionFilterError';
  }
}

const operators = new Set([
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
]);

/** Checks a resolver's filter once, when the subscription starts. */
export function parseSubscriptionFilter(raw: unknown): SubscriptionFilter {
  const groups = (raw as { filterGroup?: unknown } | null)?.filterGroup;
  if (!Array.isArray(groups) || groups.length === 0)
    throw new InvalidSubscriptionFilterError('filterGroup must be a non-empty list');
  for (const group of groups) {
    const filters = (group as { filters?: unknown } | null)?.filters;
    if (!Array.isArray(filters) || filters.length === 0) {
      throw new InvalidSubscriptionFilterError('each filterGroup entry needs a non-empty filters list');
    }
    for (const filter of filters as SubscriptionFilterRule[]) {
      if (typeof filter?.fieldName !== 'string')
        throw new InvalidSubscriptionFilterError('fieldName must be a string');
      if (!operators.has(filter.operator))
        throw new InvalidSubscriptionFilterError(`unknown operator '${String(filter.operator)}'`);
      if (['in', 'notIn', 'containsAny'].includes(filter.operator) && !Array.isArray(filter.value)) {
        throw new InvalidSubscriptionFilterError(`${filter.operator} needs a list value`);
      }
      if (filter.operator === 'between' && !(Array.isArray(filter.value) && filter.value.length === 2)) {
        throw new InvalidSubscriptionFilterError('between needs a list of two values');
      }
    }
  }
  return raw as SubscriptionFilter;
}

/** Reads `a.b.c` from the published payload. */
function fieldValue(payload: unknown, fieldName: string): unknown {
  let value = payload;
  for (const key of fieldName.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || right === null || left === undefined || right === undefined) return false;
  if (typeof left === 'object' || typeof right === 'object')
    return JSON.stringify(left) === JSON.stringify(right);
  // IDs arrive as strings or numbers depending on the side: AppSync compares their text.
  return String(left) === String(right);
}

function compare(left: unknown, right: unknown): number | null {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return null;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
  if (Array.isArray(haystack)) return haystack.some((item) => sameValue(item, needle));
  return false;
}

function matchesRule(payload: unknown, rule: SubscriptionFilterRule): boolean {
  const value = fieldValue(payload, rule.fieldName);
  const expected = rule.value;
  const ordered = (test: (difference: number) => boolean) => {
    const difference = compare(value, expected);
    return difference !== null && test(difference);
  };
  switch (rule.operator) {
    case 'eq':
      return sameValue(value ?? null, expected ?? null);
    case 'ne':
      return !sameValue(value ?? null, expected ?? null);
    case 'lt':
      return ordered((difference) => difference < 0);
    case 'le':
      return ordered((difference) => difference <= 0);
    case 'gt':
      return ordered((difference) => difference > 0);
    case 'ge':
      return ordered((difference) => difference >= 0);
    case 'contains':
      return contains(value, expected);
    case 'notContains':
      return !contains(value, expected);
    case 'beginsWith':
      return typeof value === 'string' && typeof expected === 'string' && value.startsWith(expected);
    case 'in':
      return (expected as unknown[]).some((candidate) => sameValue(value, candidate));
    case 'notIn':
      return !(expected as unknown[]).some((candidate) => sameValue(value, candidate));
    case 'containsAny':
      return (expected as unknown[]).some((candidate) => contains(value, candidate));
    case 'between': {
      const [low, high] = expected as [unknown, unknown];
      const fromLow = compare(value, low);
      const toHigh = compare(value, high);
      return fromLow !== null && toHigh !== null && fromLow >= 0 && toHigh <= 0;
    }
    default:
      return false;
  }
}

export function matchesEnhancedFilter(payload: unknown, filter: SubscriptionFilter): boolean {
  return filter.filterGroup.some((group) => group.filters.every((rule) => matchesRule(payload, rule)));
}

export function matchesArguments(payload: unknown, args: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(args).every(
    ([name, expected]) =>
      expected === null || expected === undefined || sameValue(fieldValue(payload, name), expected),
  );
}
