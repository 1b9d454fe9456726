/** `util.matches`: Java `String.matches` semantics, the pattern must match the whole value. */
export function matches(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'string' || typeof value !== 'string') return false;
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}
