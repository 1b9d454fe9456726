/** `util.isNull`, `util.defaultIfNull`, `util.typeOf`, `util.matches` and friends. */

export const isNull = (value: unknown): boolean => value === null || value === undefined;

export const isNullOrEmpty = (value: unknown): boolean => isNull(value) || value === '';

export const isNullOrBlank = (value: unknown): boolean =>
  isNull(value) || (typeof value === 'string' && value.trim() === '');

export const defaultIfNull = (value: unknown, fallback: unknown): unknown =>
  isNull(value) ? fallback : value;

export const defaultIfNullOrEmpty = (value: unknown, fallback: unknown): unknown =>
  isNullOrEmpty(value) ? fallback : value;

export const defaultIfNullOrBlank = (value: unknown, fallback: unknown): unknown =>
  isNullOrBlank(value) ? fallback : value;

export const isString = (value: unknown): boolean => typeof value === 'string';

export const isNumber = (value: unknown): boolean => typeof value === 'number';

export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

export const isList = (value: unknown): boolean => Array.isArray(value);

export const isMap = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The type names AppSync documents: Null, Number, String, Map, List, Boolean, else Object. */
export function typeOf(value: unknown): string {
  if (isNull(value)) return 'Null';
  if (isNumber(value)) return 'Number';
  if (isString(value)) return 'String';
  if (isBoolean(value)) return 'Boolean';
  if (isList(value)) return 'List';
  if (isMap(value)) return 'Map';
  return 'Object';
}

/** Java `String.matches` semantics: the pattern must match the whole value. */
export function matches(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'string' || typeof value !== 'string') return false;
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}
