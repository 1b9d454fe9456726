/**
 * Rebuilds one team board (`team:<boardId>`): every team's counters of the user board, read
 * shard by shard (one Query per shard: S x teams items, however many users) and summed, ranked
 * in both orders against the latest team snapshot. As for user boards, a new version is written
 * only when a ranking changed, and published; an unpublished one is published again.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { userBoardOfTeamBoard } from '@leaderboard/core/boards';
import { decodeTeamCounter, decodeTeamSnapshot } from '@leaderboard/core/items/decode';
import {
  teamCounterAttributes,
  teamCounterPartition,
  type TeamCounter,
} from '@leaderboard/core/items/team-counter';
import {
  encodeTeamSnapshot,
  teamSnapshotKey,
  type TeamBoardSnapshot,
} from '@leaderboard/core/items/team-snapshot';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import { teamBoardView } from '@leaderboard/core/team-board-view';
import {
  byPoints,
  byPointsPerMember,
  rankTeams,
  teamRankingChanged,
  type TeamTotal,
} from '@leaderboard/core/team-ranking';
import type { BoardRebuildDependencies, BoardRebuildOutcome, BoardRebuildResult } from './board-rebuild.ts';
import { markPublished, writeVersioned } from './snapshots.ts';

interface TeamTotals {
  readonly teams: TeamTotal[];
  readonly itemsRead: number;
}

export async function rebuildTeamBoard(
  deps: BoardRebuildDependencies,
  boardId: string,
  nowMs: number,
): Promise<BoardRebuildResult> {
  const latest = await readTeamSnapshot(deps, boardId);
  const totals = await readTeamTotals(deps, userBoardOfTeamBoard(boardId));
  const next = {
    byPoints: rankTeams(totals.teams, byPoints, latest?.byPoints ?? [], deps.topN),
    byPointsPerMember: rankTeams(totals.teams, byPointsPerMember, latest?.byPointsPerMember ?? [], deps.topN),
  };
  const result = (outcome: BoardRebuildOutcome, version: number): BoardRebuildResult => ({
    boardId,
    outcome,
    version,
    itemsRead: totals.itemsRead,
  });
  const changed =
    !latest ||
    teamRankingChanged(latest.byPoints, next.byPoints) ||
    teamRankingChanged(latest.byPointsPerMember, next.byPointsPerMember);
  if (latest && !changed) {
    if (latest.publishedVersion >= latest.version) return result('unchanged', latest.version);
    await publishTeamSnapshot(deps, latest);
    return result('republished', latest.version);
  }
  if (!latest && totals.teams.length === 0) return result('unchanged', 0);
  const previousVersion = latest?.version ?? 0;
  const snapshot: TeamBoardSnapshot = {
    boardId,
    version: previousVersion + 1,
    asOf: canonicalTimestamp(nowMs),
    ...next,
    publishedVersion: latest?.publishedVersion ?? 0,
  };
  if (!(await writeVersioned(deps, encodeTeamSnapshot(snapshot), previousVersion)))
    return result('lost-race', previousVersion);
  await publishTeamSnapshot(deps, snapshot);
  return result('published', snapshot.version);
}

async function readTeamSnapshot(
  deps: BoardRebuildDependencies,
  boardId: string,
): Promise<TeamBoardSnapshot | null> {
  const result = await deps.documentClient.send(
    new GetCommand({ TableName: deps.scoresTable, Key: teamSnapshotKey(boardId), ConsistentRead: true }),
  );
  return result.Item ? decodeTeamSnapshot(result.Item) : null;
}

/** Every team's points and members on a user board: its counters summed over the shards, read at once. */
export async function readTeamTotals(
  deps: BoardRebuildDependencies,
  userBoardId: string,
): Promise<TeamTotals> {
  const shards = await Promise.all(
    Array.from({ length: deps.shards }, (_, shard) => readShardCounters(deps, userBoardId, shard)),
  );
  const sums = new Map<string, { points: number; members: number }>();
  for (const counter of shards.flat()) {
    const sum = sums.get(counter.teamId) ?? { points: 0, members: 0 };
    sums.set(counter.teamId, { points: sum.points + counter.points, members: sum.members + counter.members });
  }
  return {
    teams: [...sums].map(([teamId, sum]) => ({ teamId, ...sum })),
    itemsRead: shards.reduce((sum, counters) => sum + counters.length, 0),
  };
}

/** One shard's counters of the board, every page. */
async function readShardCounters(
  deps: BoardRebuildDependencies,
  userBoardId: string,
  shard: number,
): Promise<TeamCounter[]> {
  const counters: TeamCounter[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.documentClient.send(
      new QueryCommand({
        TableName: deps.scoresTable,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': teamCounterAttributes.pk },
        ExpressionAttributeValues: { ':pk': teamCounterPartition(userBoardId, shard) },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) counters.push(decodeTeamCounter(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return counters;
}

async function publishTeamSnapshot(
  deps: BoardRebuildDependencies,
  snapshot: TeamBoardSnapshot,
): Promise<void> {
  await deps.publish({
    boardId: snapshot.boardId,
    version: snapshot.version,
    asOf: snapshot.asOf,
    ...teamBoardView(snapshot.byPoints, snapshot.byPointsPerMember, snapshot.byPoints.length),
  });
  await markPublished(deps, snapshot.boardId, snapshot.version);
}
