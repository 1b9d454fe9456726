/**
 * One scheduled rebuild: every board changed since the previous run (marked by workers, or
 * by a disqualification made or ended), each rebuilt on its
 * own so one failing board does not hold back the others. The cursor moves forward only
 * when every board succeeded; otherwise the next run sees the same changes again.
 */
import type { ServiceConfig } from '@leaderboard/core/config';
import {
  findChangedBoards,
  readRebuildCursor,
  writeRebuildCursor,
  type ChangedBoard,
} from './changed-boards.ts';
import { disqualificationChanges, mergeChangedBoards, readDisqualifications } from './disqualifications.ts';
import type { BoardRebuildDependencies, BoardRebuildResult } from './board-rebuild.ts';
import { rebuildBoard } from './rebuild-board.ts';

export interface RebuildDependencies extends BoardRebuildDependencies {
  readonly config: Pick<
    ServiceConfig,
    'rebuildOverlapSeconds' | 'rebuildInitialLookbackMinutes' | 'boardChangeTtlSeconds'
  >;
  readonly now?: () => number;
}

export interface RebuildFailure {
  readonly boardId: string;
  readonly error: unknown;
}

export interface RebuildSummary {
  readonly startedAt: number;
  /** Every board the change marks named, with the earliest mark the run read. */
  readonly changed: ChangedBoard[];
  readonly boards: BoardRebuildResult[];
  readonly failures: RebuildFailure[];
}

/**
 * `sinceMs`: read marks from here instead of from the stored cursor (a tick that follows another
 * in the same invocation knows when that one started).
 */
export async function runRebuild(deps: RebuildDependencies, sinceMs?: number): Promise<RebuildSummary> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const cursor = sinceMs === undefined ? await readRebuildCursor(deps) : null;
  const wanted =
    sinceMs ??
    (cursor === null
      ? startedAt - deps.config.rebuildInitialLookbackMinutes * 60_000
      : cursor - deps.config.rebuildOverlapSeconds * 1000);
  // Marks older than their TTL may be gone already; reading further back finds nothing.
  const fromMs = Math.max(wanted, startedAt - deps.config.boardChangeTtlSeconds * 1000);
  // Read once for every board of the run.
  const disqualifications = await readDisqualifications(deps);
  const changed = mergeChangedBoards(
    await findChangedBoards(deps, fromMs, startedAt),
    await disqualificationChanges(deps, disqualifications, fromMs, startedAt),
  );
  const boards: BoardRebuildResult[] = [];
  const failures: RebuildFailure[] = [];
  for (const { boardId } of changed) {
    try {
      boards.push(await rebuildBoard({ ...deps, disqualifications }, boardId, startedAt));
    } catch (error) {
      failures.push({ boardId, error });
    }
  }
  if (failures.length === 0) await writeRebuildCursor(deps, startedAt);
  return { startedAt, changed, boards, failures };
}
