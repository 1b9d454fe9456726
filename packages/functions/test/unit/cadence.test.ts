/** The rebuilder's ticks inside one invocation, on a simulated clock. */
import { describe, expect, it } from 'vitest';
import { cadenceFromEnvironment, runTicks, type Cadence } from '../../src/rebuild/cadence.ts';
import type { RebuildSummary } from '../../src/rebuild/run-rebuild.ts';

const cadence: Cadence = { periodMs: 60_000, tickMs: 5_000, tickOverlapMs: 10_000, marginMs: 3_000 };

function simulate(options: { remainingMs: number; tickDurationMs?: number; failingTicks?: number[] }) {
  let clock = 1_000_000;
  const invocationStart = clock;
  const sinces: Array<number | undefined> = [];
  const starts: number[] = [];
  const run = runTicks({
    cadence,
    remainingMs: () => invocationStart + options.remainingMs - clock,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    tick: async (sinceMs) => {
      sinces.push(sinceMs);
      starts.push(clock);
      const startedAt = clock;
      clock += options.tickDurationMs ?? 200;
      const failed = options.failingTicks?.includes(starts.length - 1) ?? false;
      return {
        startedAt,
        changed: [],
        boards: [],
        failures: failed ? [{ boardId: 'global', error: new Error('x') }] : [],
      } satisfies RebuildSummary;
    },
  });
  return { run, sinces, starts, invocationStart, end: () => clock };
}

describe('runTicks', () => {
  it('ticks every few seconds and ends before the next invocation is due', async () => {
    const { run, starts, invocationStart, end } = simulate({ remainingMs: 60_000 });
    const summaries = await run;
    expect(summaries.length).toBe(12);
    expect(starts.map((start) => start - invocationStart)).toEqual(
      Array.from({ length: 12 }, (_, index) => index * 5_000),
    );
    expect(end() - invocationStart).toBeLessThan(cadence.periodMs - cadence.marginMs);
  });

  it('stops before the function times out when that comes first', async () => {
    const { run, end, invocationStart } = simulate({ remainingMs: 20_000 });
    await run;
    expect(end() - invocationStart).toBeLessThan(20_000 - cadence.marginMs);
  });

  it('reads the first tick from the stored cursor and each next one from the previous tick', async () => {
    const { run, sinces, starts } = simulate({ remainingMs: 60_000 });
    await run;
    expect(sinces[0]).toBeUndefined();
    expect(sinces[1]).toBe(starts[0]! - cadence.tickOverlapMs);
    expect(sinces[5]).toBe(starts[4]! - cadence.tickOverlapMs);
  });

  it('keeps reading from where a failed tick read, so its changes are not skipped', async () => {
    const { run, sinces, starts } = simulate({ remainingMs: 60_000, failingTicks: [2, 3] });
    await run;
    expect(sinces[3]).toBe(starts[1]! - cadence.tickOverlapMs);
    expect(sinces[4]).toBe(starts[1]! - cadence.tickOverlapMs);
    expect(sinces[5]).toBe(starts[4]! - cadence.tickOverlapMs);
  });

  it('starts no tick that, as slow as the slowest so far, would run past the next invocation', async () => {
    const { run, end, invocationStart } = simulate({ remainingMs: 60_000, tickDurationMs: 4_000 });
    const summaries = await run;
    expect(end() - invocationStart).toBeLessThanOrEqual(cadence.periodMs - cadence.marginMs);
    expect(summaries.length).toBe(11);
  });

  it('runs once when a tick takes as long as the period', async () => {
    const { run } = simulate({ remainingMs: 60_000, tickDurationMs: 60_000 });
    expect(await run).toHaveLength(1);
  });
});

describe('cadenceFromEnvironment', () => {
  it('takes the deployment variables and never ticks slower than the period', () => {
    expect(cadenceFromEnvironment({ REBUILD_PERIOD_SECONDS: '2', REBUILD_TICK_SECONDS: '5' })).toMatchObject({
      periodMs: 2_000,
      tickMs: 2_000,
    });
    expect(cadenceFromEnvironment({})).toMatchObject({ periodMs: 60_000, tickMs: 5_000 });
    expect(cadenceFromEnvironment({ REBUILD_PERIOD_SECONDS: 'soon' })).toMatchObject({ periodMs: 60_000 });
  });
});
