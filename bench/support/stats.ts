/** Figures the benchmarks report: percentiles, medians, and the machine they ran on. */
import { cpus, loadavg } from 'node:os';

/** The value at `fraction` (0-1) of the sorted values, nearest rank. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function parseOptions(argv: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    argv.map((arg) => {
      const [key, value] = arg.replace(/^--/, '').split('=');
      return [key, value ?? ''];
    }),
  );
}

/** One line saying when and on what a benchmark ran, with the machine's load at that moment. */
export function machineLine(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return `${new Date().toISOString()} | ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}) | Node ${process.version} | load average ${one}, ${five}, ${fifteen}`;
}

export const round = (value: number, digits = 1): string => value.toFixed(digits);

/** A markdown table from a header row and rows. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
