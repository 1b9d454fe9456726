/**
 * EventBridge event patterns, as EventBridge Pipes applies them in a filter. Written here
 * because no maintained npm package implements EventBridge's matching rules (AWS's own
 * event-ruler is Java).
 *
 * Rules: every field the pattern names must match; a pattern leaf is an array of
 * alternatives (exact values or operator objects); an array in the event matches when any
 * of its elements does; nested objects match field by field.
 */

/** Thrown for a pattern that EventBridge would refuse, or an operator this matcher lacks. */
export class EventPatternError extends Error {
  override readonly name = 'EventPatternError';
}

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `event` matches `pattern`. Throws `EventPatternError` for a malformed pattern. */
export function matchesEventPattern(pattern: JsonObject, event: unknown): boolean {
  if (!isObject(pattern)) throw new EventPatternError('an event pattern must be a JSON object');
  if (!isObject(event)) return false;
  return matchesObject(pattern, event, '');
}

/** Checks a pattern once, so a bad filter fails when the pipe starts, not on the first record. */
export function validateEventPattern(pattern: JsonObject): void {
  matchesEventPattern(pattern, {});
  walkLeaves(pattern, '', (alternatives, path) => {
    for (const alternative of alternatives) {
      if (!isObject(alternative)) continue;
      if ('exists' in alternative) matchesExists(alternative, false, path);
      else matchesOperator(alternative, undefined, path);
    }
  });
}

function walkLeaves(
  pattern: JsonObject,
  path: string,
  visit: (leaf: readonly unknown[], path: string) => void,
): void {
  for (const [key, value] of Object.entries(pattern)) {
    const childPath = path ? `${path}.${key}` : key;
    if (Array.isArray(value)) visit(value, childPath);
    else if (isObject(value)) walkLeaves(value, childPath, visit);
    else throw new EventPatternError(`${childPath}: a pattern value must be an array or an object`);
  }
}

function matchesObject(pattern: JsonObject, event: JsonObject, path: string): boolean {
  for (const [key, rule] of Object.entries(pattern)) {
    const childPath = path ? `${path}.${key}` : key;
    const present = Object.prototype.hasOwnProperty.call(event, key);
    const value = present ? event[key] : undefined;
    if (Array.isArray(rule)) {
      if (!matchesLeaf(rule, value, present, childPath)) return false;
    } else if (isObject(rule)) {
      const candidates = Array.isArray(value) ? value : [value];
      if (!candidates.some((candidate) => isObject(candidate) && matchesObject(rule, candidate, childPath))) {
        return false;
      }
    } else {
      throw new EventPatternError(`${childPath}: a pattern value must be an array or an object`);
    }
  }
  return true;
}

function matchesLeaf(
  alternatives: readonly unknown[],
  value: unknown,
  present: boolean,
  path: string,
): boolean {
  if (alternatives.length === 0) throw new EventPatternError(`${path}: an empty array matches nothing`);
  return alternatives.some((alternative) => {
    if (isObject(alternative)) {
      if ('exists' in alternative) return matchesExists(alternative, present, path);
      if (!present) return false;
      const values = Array.isArray(value) ? value : [value];
      return values.some((one) => matchesOperator(alternative, one, path));
    }
    if (!present) return false;
    const values = Array.isArray(value) ? value : [value];
    return values.some((one) => matchesExact(alternative, one));
  });
}

function matchesExact(expected: unknown, actual: unknown): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual;
  return expected === actual;
}

function matchesExists(rule: JsonObject, present: boolean, path: string): boolean {
  const expected = rule['exists'];
  if (typeof expected !== 'boolean' || Object.keys(rule).length !== 1) {
    throw new EventPatternError(`${path}: "exists" takes true or false and stands alone`);
  }
  return expected === present;
}

const operatorNames = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'wildcard',
] as const;

function matchesOperator(rule: JsonObject, value: unknown, path: string): boolean {
  const keys = Object.keys(rule);
  const operator = keys[0];
  if (keys.length !== 1 || operator === undefined) {
    throw new EventPatternError(`${path}: an operator object holds exactly one operator`);
  }
  const argument = rule[operator];
  switch (operator) {
    case 'prefix':
      return matchesAffix(argument, value, path, 'prefix');
    case 'suffix':
      return matchesAffix(argument, value, path, 'suffix');
    case 'equals-ignore-case':
      if (typeof argument !== 'string')
        throw new EventPatternError(`${path}: "equals-ignore-case" takes a string`);
      return typeof value === 'string' && value.toLowerCase() === argument.toLowerCase();
    case 'anything-but':
      return matchesAnythingBut(argument, value, path);
    case 'numeric':
      return matchesNumeric(argument, value, path);
    case 'wildcard':
      if (typeof argument !== 'string') throw new EventPatternError(`${path}: "wildcard" takes a string`);
      return typeof value === 'string' && wildcardExpression(argument).test(value);
    default:
      throw new EventPatternError(
        `${path}: unsupported operator "${operator}" (supported: ${operatorNames.join(', ')}, exists)`,
      );
  }
}

function matchesAffix(argument: unknown, value: unknown, path: string, kind: 'prefix' | 'suffix'): boolean {
  let expected: string;
  let ignoreCase = false;
  if (typeof argument === 'string') expected = argument;
  else if (isObject(argument) && typeof argument['equals-ignore-case'] === 'string') {
    expected = argument['equals-ignore-case'];
    ignoreCase = true;
  } else throw new EventPatternError(`${path}: "${kind}" takes a string or {"equals-ignore-case": string}`);
  if (typeof value !== 'string') return false;
  const subject = ignoreCase ? value.toLowerCase() : value;
  const affix = ignoreCase ? expected.toLowerCase() : expected;
  return kind === 'prefix' ? subject.startsWith(affix) : subject.endsWith(affix);
}

function matchesAnythingBut(argument: unknown, value: unknown, path: string): boolean {
  if (isObject(argument)) {
    const [operator] = Object.keys(argument);
    if (
      operator !== 'prefix' &&
      operator !== 'suffix' &&
      operator !== 'equals-ignore-case' &&
      operator !== 'wildcard'
    ) {
      throw new EventPatternError(
        `${path}: "anything-but" takes values, prefix, suffix, equals-ignore-case or wildcard`,
      );
    }
    const inner = argument[operator];
    const choices = Array.isArray(inner) ? inner : [inner];
    return (
      typeof value === 'string' &&
      !choices.some((choice) => matchesOperator({ [operator]: choice }, value, path))
    );
  }
  const excluded = Array.isArray(argument) ? argument : [argument];
  for (const one of excluded) {
    if (typeof one !== 'string' && typeof one !== 'number') {
      throw new EventPatternError(`${path}: "anything-but" values must be strings or numbers`);
    }
  }
  return !excluded.some((one) => matchesExact(one, value));
}

const numericComparisons: Readonly<Record<string, (left: number, right: number) => boolean>> = {
  '=': (left, right) => left === right,
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
};

function matchesNumeric(argument: unknown, value: unknown, path: string): boolean {
  if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0) {
    throw new EventPatternError(`${path}: "numeric" takes pairs of operator and number`);
  }
  const checks: Array<[(left: number, right: number) => boolean, number]> = [];
  for (let index = 0; index < argument.length; index += 2) {
    const comparison = numericComparisons[String(argument[index])];
    const bound = argument[index + 1];
    if (!comparison || typeof bound !== 'number') {
      throw new EventPatternError(`${path}: "numeric" takes pairs of operator (=, <, <=, >, >=) and number`);
    }
    checks.push([comparison, bound]);
  }
  return typeof value === 'number' && checks.every(([comparison, bound]) => comparison(value, bound));
}

function wildcardExpression(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 's');
}
