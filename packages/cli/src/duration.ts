export class DurationFormatError extends Error {
  override readonly name = 'DurationFormatError';
}

const units: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `2s`, `1.5m`, `1h`; a bare number is seconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  const value = Number(match?.[1]);
  const unit = units[match?.[2] ?? 's'];
  if (!match || unit === undefined || !(value > 0)) {
    throw new DurationFormatError(`"${text}" is not a duration: use e.g. 500ms, 2s, 1m`);
  }
  return Math.round(value * unit);
}
