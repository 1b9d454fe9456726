/**
 * New handler code, swapped in without a restart: every function's next invocation cold-starts
 * with the code on disk. The rebuilder's invocation ticks for most of a minute, so it is ended
 * (as a timeout would end it; the next tick reads from where it had read) and a successor with
 * the new code ticks until the next scheduled invocation, as a scheduled one would.
 */
import { rebuildCadence } from '@leaderboard/core';
import type { LocalScheduler } from '../emulators/scheduler.ts';
import type { LocalFunctions } from './functions.ts';

/** Closer to the next scheduled invocation than this, the successor is left to the schedule. */
const shortestSuccessorMs = (rebuildCadence.tickSeconds + rebuildCadence.marginSeconds) * 1000;

/** Recycles the named functions (all when none are named). */
export async function reloadHandlers(
  functions: LocalFunctions,
  rebuilder: LocalScheduler,
  options: { readonly warm: boolean; readonly names?: readonly string[] },
): Promise<void> {
  const chosen = Object.values(functions).filter((fn) => options.names?.includes(fn.name) ?? true);
  const { RebuilderFunction } = functions;
  await Promise.all(chosen.map((fn) => fn.recycle(fn === RebuilderFunction ? { endInvocations: true } : {})));
  if (chosen.includes(RebuilderFunction)) {
    await rebuilder.settled();
    const next = rebuilder.nextRunAt();
    if (next && next.getTime() - Date.now() > shortestSuccessorMs) void rebuilder.runNow(next);
  }
  // Under a debugger each function keeps an environment listening, ready to attach to.
  if (options.warm) for (const fn of chosen) fn.warm();
}
