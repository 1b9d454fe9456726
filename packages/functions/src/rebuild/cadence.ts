/**
 * The rebuilder's cadence inside one scheduled invocation: tick after tick, each reading only
 * the change marks since the previous tick (minus an overlap for transactions in flight), until
 * the next invocation is due or the function's timeout nears, so invocations never overlap.
 */
import { rebuildCadence, rebuildSchedule } from '@leaderboard/core/schedules';
import type { RebuildSummary } from './run-rebuild.ts';

export interface Cadence {
  readonly periodMs: number;
  readonly tickMs: number;
  readonly tickOverlapMs: number;
  readonly marginMs: number;
}

/** Variables the deployment sets from core's schedule (the local stack may shorten them). */
export const cadenceVariables = { period: 'REBUILD_PERIOD_SECONDS', tick: 'REBUILD_TICK_SECONDS' } as const;

function seconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export function cadenceFromEnvironment(environment: Readonly<Record<string, string | undefined>>): Cadence {
  const periodSeconds = seconds(environment[cadenceVariables.period], rebuildSchedule.periodSeconds);
  const tickSeconds = Math.min(
    periodSeconds,
    seconds(environment[cadenceVariables.tick], rebuildCadence.tickSeconds),
  );
  return {
    periodMs: periodSeconds * 1000,
    tickMs: tickSeconds * 1000,
    tickOverlapMs: rebuildCadence.tickOverlapSeconds * 1000,
    marginMs: rebuildCadence.marginSeconds * 1000,
  };
}

export interface TickRunner {
  readonly cadence: Cadence;
  /** The invocation's time left (Lambda's `getRemainingTimeInMillis`). */
  readonly remainingMs: () => number;
  /** One rebuild reading marks from `sinceMs`, or from the stored cursor when undefined. */
  readonly tick: (sinceMs: number | undefined) => Promise<RebuildSummary>;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs ticks until the next one, as slow as the slowest so far, could not end before the
 * invocation must. A tick with failures keeps the next one reading from where it read, so no
 * change is skipped.
 */
export async function runTicks(runner: TickRunner): Promise<RebuildSummary[]> {
  const now = runner.now ?? Date.now;
  const sleep = runner.sleep ?? pause;
  const { cadence } = runner;
  const startedAt = now();
  const endBy = Math.min(startedAt + cadence.periodMs, startedAt + runner.remainingMs()) - cadence.marginMs;
  const summaries: RebuildSummary[] = [];
  let sinceMs: number | undefined;
  let longestTickMs = 0;
  for (;;) {
    const summary = await runner.tick(sinceMs);
    summaries.push(summary);
    longestTickMs = Math.max(longestTickMs, now() - summary.startedAt);
    if (summary.failures.length === 0) sinceMs = summary.startedAt - cadence.tickOverlapMs;
    const nextTickAt = Math.max(summary.startedAt + cadence.tickMs, now());
    // A tick that could run as long as the slowest so far must still end before the next invocation.
    if (nextTickAt + longestTickMs >= endBy) return summaries;
    await sleep(Math.max(0, nextTickAt - now()));
  }
}
