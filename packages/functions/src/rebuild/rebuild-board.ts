/**
 * Rebuilds one board: its top N now, against the latest snapshot. A new version is written
 * only when the ranking changed, and published; a snapshot written but not yet published
 * (the publish failed last time) is published again.
 */
import { isTeamBoardId } from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import { canonicalTimestamp, rankEntries, rankingChanged, type RankedEntry } from '@leaderboard/core/ranking';
import type { BoardRebuildDependencies, BoardRebuildOutcome, BoardRebuildResult } from './board-rebuild.ts';
import { readEligibleTop } from './disqualifications.ts';
import { rebuildTeamBoard } from './team-board.ts';
import { markPublished, readSnapshot, writeSnapshot, type BoardSnapshot } from './snapshots.ts';

export async function rebuildBoard(
  deps: BoardRebuildDependencies,
  boardId: string,
  nowMs: number,
): Promise<BoardRebuildResult> {
  if (isTeamBoardId(boardId)) return rebuildTeamBoard(deps, boardId, nowMs);
  const latest = await readSnapshot(deps, boardId);
  const top = await readEligibleTop(deps, boardId, deps.topN);
  const previousEntries = latest?.entries ?? [];
  const entries = withinBytes(rankEntries(top.totals, previousEntries), serviceConfig.maxSnapshotBytes);
  const result = (outcome: BoardRebuildOutcome, version: number): BoardRebuildResult => ({
    boardId,
    outcome,
    version,
    itemsRead: top.itemsRead,
  });

  if (latest && !rankingChanged(previousEntries, entries)) {
    if (latest.publishedVersion >= latest.version) return result('unchanged', latest.version);
    await publishSnapshot(deps, latest);
    return result('republished', latest.version);
  }
  // An empty board with no snapshot yet has nothing to show.
  if (!latest && entries.length === 0) return result('unchanged', 0);

  const previousVersion = latest?.version ?? 0;
  const snapshot: BoardSnapshot = {
    boardId,
    version: previousVersion + 1,
    asOf: canonicalTimestamp(nowMs),
    entries,
    publishedVersion: latest?.publishedVersion ?? 0,
  };
  if (!(await writeSnapshot(deps, snapshot, previousVersion))) return result('lost-race', previousVersion);
  await publishSnapshot(deps, snapshot);
  return result('published', snapshot.version);
}

async function publishSnapshot(deps: BoardRebuildDependencies, snapshot: BoardSnapshot): Promise<void> {
  await deps.publish({
    boardId: snapshot.boardId,
    version: snapshot.version,
    asOf: snapshot.asOf,
    entries: snapshot.entries.map((entry) => ({
      rank: entry.rank,
      previousRank: entry.previousRank,
      userId: entry.userId,
      displayName: entry.displayName,
      score: entry.score,
    })),
  });
  await markPublished(deps, snapshot.boardId, snapshot.version);
}

/** The longest prefix of the ranking whose JSON fits in `maxBytes`: long names cannot push a snapshot past the payload limits. */
export function withinBytes(entries: RankedEntry[], maxBytes: number): RankedEntry[] {
  let bytes = 2;
  for (const [index, entry] of entries.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (bytes > maxBytes) return entries.slice(0, index);
  }
  return entries;
}
