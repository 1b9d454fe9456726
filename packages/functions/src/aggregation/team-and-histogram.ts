/**
 * The parts of applying an activity that rank users past the snapshot and rank teams, moved in
 * the same exactly-once transaction as the totals:
 *
 * - the score histogram of each board's shard, only when the user's total crosses into another
 *   score bucket (rare: O(log score) times per user and board);
 * - the activity's team counter on each board (in the user's shard, so a team's writes spread as
 *   the score index's do), with one more member when the user first earns points for the team
 *   there (the total remembers the teams it counted for).
 */
import { teamBoardId } from '@leaderboard/core/boards';
import { scoreHistogramKey, scoreHistogramMove } from '@leaderboard/core/items/score-histogram';
import { teamCounterIncrement, teamCounterKey } from '@leaderboard/core/items/team-counter';
import type { StoredTotal } from '@leaderboard/core/items/total';
import type { ItemExpression } from '@leaderboard/core/items/item';
import { shardOf } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import type { RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import type { TransactItem } from '../store/transact-item.ts';

type TeamAndHistogramDependencies = Pick<AggregationDependencies, 'tables' | 'config'>;

/** A transaction item applying `change` to the item at `key`. */
export function update(table: string, key: Record<string, unknown>, change: ItemExpression): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: change.expression,
      ExpressionAttributeNames: change.names,
      ExpressionAttributeValues: change.values,
    },
  };
}

/** The boards whose rankings the activity changes: its boards, and their team boards when it has a team. */
export function changedBoards(activity: RecordedActivity, boardIds: readonly string[]): string[] {
  if (activity.points === 0) return [];
  return activity.teamId ? [...boardIds, ...boardIds.map(teamBoardId)] : [...boardIds];
}

/** The teams a total counts for after the activity. */
export function teamsAfter(activity: RecordedActivity, before: StoredTotal | undefined): string[] {
  const teams = before?.teamIds ?? [];
  return activity.teamId && !teams.includes(activity.teamId) ? [...teams, activity.teamId] : [...teams];
}

/** Histogram moves for the totals whose score bucket the activity changes. */
export function histogramItems(
  activity: RecordedActivity,
  boardIds: readonly string[],
  totals: ReadonlyMap<string, StoredTotal>,
  deps: TeamAndHistogramDependencies,
): TransactItem[] {
  if (activity.points === 0) return [];
  const shard = shardOf(activity.userId, deps.config.scoreShards);
  return boardIds.flatMap((boardId) => {
    const before = totals.get(boardId);
    const from = before ? scoreBucket(before.score) : null;
    const to = scoreBucket((before?.score ?? 0) + activity.points);
    if (from === to) return [];
    const move = scoreHistogramMove({ boardId, shard, from, to });
    return [update(deps.tables.scores, { ...scoreHistogramKey(boardId, shard) }, move)];
  });
}

/** The activity's points on its team's counter of each board, and the user as a member where new. */
export function teamItems(
  activity: RecordedActivity,
  boardIds: readonly string[],
  totals: ReadonlyMap<string, StoredTotal>,
  updatedAt: string,
  deps: TeamAndHistogramDependencies,
): TransactItem[] {
  const teamId = activity.teamId;
  if (activity.points === 0 || !teamId) return [];
  const shard = shardOf(activity.userId, deps.config.scoreShards);
  return boardIds.map((boardId) => {
    const increment = teamCounterIncrement({
      boardId,
      teamId,
      points: activity.points,
      newMember: !(totals.get(boardId)?.teamIds ?? []).includes(teamId),
      updatedAt,
    });
    return update(deps.tables.scores, { ...teamCounterKey(boardId, shard, teamId) }, increment);
  });
}
