/**
 * The transaction items that apply a coalesced group: a processed marker per activity (first, in
 * order, so a cancellation's reasons name them by position), then the user's total on each board,
 * the histogram moves, the team counters and the progress, each written from what was read.
 */
import { setEveryAttribute } from '@leaderboard/core/items/item';
import type { StoredProgress } from '@leaderboard/core/items/progress';
import { encodeTotal, totalAttributes, totalKey, type StoredTotal } from '@leaderboard/core/items/total';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import { combinedActivity, type CoalescedGroup } from './coalescing-groups.ts';
import { processedMarker } from './processed-marker.ts';
import { progressItems } from './program-progress.ts';
import { histogramItems, teamItems, teamsAfter } from './team-and-histogram.ts';
import { teamPointsAfter } from './team-points.ts';
import type { TransactItem } from '../store/transact-item.ts';

/** What the group's writes are conditioned on, as read. */
export interface GroupState {
  /** The user's totals by board id. */
  readonly totals: ReadonlyMap<string, StoredTotal>;
  readonly progress: StoredProgress | null;
}

export function groupWrites(
  group: CoalescedGroup,
  pending: readonly RecordedActivity[],
  state: GroupState,
  nowMs: number,
  deps: AggregationDependencies,
): TransactItem[] {
  const updatedAt = canonicalTimestamp(nowMs);
  const items = pending.map((activity) =>
    processedMarker(
      activity,
      group.program !== null && activity.points > 0,
      updatedAt,
      deps.tables.activities,
    ),
  );
  const counting = pending.filter((activity) => activity.points > 0);
  const combined = combinedActivity(counting);
  if (!combined) return items;
  items.push(
    ...group.boardIds.map((boardId) =>
      totalUpdate(combined, boardId, state.totals.get(boardId), updatedAt, deps),
    ),
    ...histogramItems(combined, group.boardIds, state.totals, deps),
    ...teamItems(combined, group.boardIds, state.totals, updatedAt, deps),
    ...progressItems(counting, group.program, state.progress, updatedAt, deps),
  );
  return items;
}

/** The total after the activity, written on condition it still holds what was read (`before`). */
function totalUpdate(
  activity: RecordedActivity,
  boardId: string,
  before: StoredTotal | undefined,
  updatedAt: string,
  deps: AggregationDependencies,
): TransactItem {
  const recordedAt = canonicalTimestamp(activity.recordedAtMs);
  const after: StoredTotal = {
    userId: activity.userId,
    boardId,
    displayName: activity.displayName,
    score: (before?.score ?? 0) + activity.points,
    // Reached when the last activity behind it was recorded: the same whatever order the worker sees them in.
    reachedAt: before && before.reachedAt > recordedAt ? before.reachedAt : recordedAt,
    updatedAt,
    teamIds: teamsAfter(activity, before),
    teamPoints: teamPointsAfter(activity, before),
  };
  const set = setEveryAttribute(encodeTotal(after, deps.config.scoreShards), [
    totalAttributes.pk,
    totalAttributes.sk,
  ]);
  return {
    Update: {
      TableName: deps.tables.scores,
      Key: totalKey(activity.userId, boardId),
      UpdateExpression: set.expression,
      ConditionExpression: before ? '#score = :before' : 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: {
        ...set.names,
        ...(before ? { '#score': totalAttributes.score } : { '#pk': totalAttributes.pk }),
      },
      ExpressionAttributeValues: { ...set.values, ...(before ? { ':before': before.score } : {}) },
    },
  };
}
