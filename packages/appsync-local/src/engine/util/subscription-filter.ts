/**
 * `util.transform.toSubscriptionFilter(filter, ignoredFields?, rules?)`: a filter object to
 * `{ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }`. Groups are alternatives
 * (OR) and filters in a group all apply (AND): several operators on one field, `or` members
 * and rules each become alternatives, multiplied out with the rest.
 */

export interface SubscriptionFilterEntry {
  readonly fieldName: string;
  readonly operator: string;
  readonly value: unknown;
}

export interface SubscriptionFilterJson {
  readonly filterGroup: { readonly filters: SubscriptionFilterEntry[] }[];
}

/** Each alternative is a list of filters that must all hold. */
type Alternatives = SubscriptionFilterEntry[][];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function product(factors: Alternatives[]): Alternatives {
  if (factors.length === 0) return [];
  return factors.reduce<Alternatives>(
    (combined, factor) => combined.flatMap((left) => factor.map((right) => [...left, ...right])),
    [[]],
  );
}

function fieldAlternatives(fieldName: string, operators: unknown): Alternatives {
  if (!isPlainObject(operators)) return [];
  return Object.entries(operators).map(([operator, value]) => [{ fieldName, operator, value }]);
}

function objectFactors(filter: Record<string, unknown>, ignored: ReadonlySet<string>): Alternatives[] {
  const factors: Alternatives[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (ignored.has(key)) continue;
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      // A member left with nothing to filter on (all its fields ignored) drops out of the group.
      const members = value
        .filter(isPlainObject)
        .map((member) => objectFactors(member, ignored))
        .filter((memberFactors) => memberFactors.length > 0)
        .map(product);
      if (members.length > 0) factors.push(key === 'and' ? product(members) : members.flat());
    } else {
      factors.push(fieldAlternatives(key, value));
    }
  }
  return factors;
}

export function toSubscriptionFilter(
  filter: unknown,
  ignoredFields?: unknown,
  rules?: unknown,
): SubscriptionFilterJson | null {
  if (!isPlainObject(filter)) return null;
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
  const factors = objectFactors(filter, ignored);
  if (isPlainObject(rules) && Object.keys(rules).length > 0) {
    factors.push(Object.entries(rules).flatMap(([field, operators]) => fieldAlternatives(field, operators)));
  }
  return { filterGroup: product(factors).map((filters) => ({ filters })) };
}
