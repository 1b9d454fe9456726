/** `util.str.normalize` and `util.math.*`. */

export function normalize(value: unknown, form: unknown): string {
  const name = String(form ?? 'nfc').toUpperCase();
  if (!['NFC', 'NFD', 'NFKC', 'NFKD'].includes(name))
    throw new TypeError(`unknown normalization form "${String(form)}"`);
  return String(value ?? '').normalize(name);
}

export const roundNum = (value: unknown): number => Math.round(Number(value));

export const minVal = (first: unknown, second: unknown): number => Math.min(Number(first), Number(second));

export const maxVal = (first: unknown, second: unknown): number => Math.max(Number(first), Number(second));

export const randomDouble = (): number => Math.random();

/** A random integer in [start, end]. */
export function randomWithinRange(start: unknown, end: unknown): number {
  const low = Math.ceil(Math.min(Number(start), Number(end)));
  const high = Math.floor(Math.max(Number(start), Number(end)));
  return low + Math.floor(Math.random() * (high - low + 1));
}
