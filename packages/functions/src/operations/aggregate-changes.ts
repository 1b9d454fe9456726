/**
 * The writes that bring a user's stored aggregates to what their log says, with the shared
 * counters moved by the difference: per board, the total put or deleted on condition it is still
 * what was read (as the worker writes it), the user moved between score buckets, and each team's
 * counter given or taken the user's share and membership. Per program, the progress put or
 * deleted on the same condition. A board or program whose stored values already match writes nothing.
 */
import { teamBoardId } from '@leaderboard/core/boards';
import {
  encodeProgress,
  progressAttributes,
  progressKey,
  type StoredProgress,
} from '@leaderboard/core/items/progress';
import { scoreHistogramKey, scoreHistogramMove } from '@leaderboard/core/items/score-histogram';
import { teamCounterChange, teamCounterKey } from '@leaderboard/core/items/team-counter';
import { encodeTotal, totalAttributes, totalKey, type StoredTotal } from '@leaderboard/core/items/total';
import { shardOf } from '@leaderboard/core/ranking';
import { scoreBucket } from '@leaderboard/core/score-buckets';
import type { UserAggregates } from '@leaderboard/core/user-aggregates';
import { update } from '../aggregation/team-and-histogram.ts';
import { teamPointsBefore } from '../aggregation/team-points.ts';
import type { StoredUserItems } from './stored-aggregates.ts';
import type { TransactItem } from '../store/transact-item.ts';

/** The boards and programs to bring to the log; `all` for every one the user has, stored or due. */
export interface RecomputeScope {
  readonly boards: 'all' | readonly string[];
  readonly programs: 'all' | readonly string[];
}

export interface AggregateChanges {
  /** Each group must commit whole (one board's or one program's items); groups are independent. */
  readonly groups: TransactItem[][];
  /** Boards whose ranking may move: user boards, and their team boards where teams moved. */
  readonly changedBoards: string[];
  /** Totals and progress items the log no longer backs: deleted. */
  readonly removed: number;
}

export interface ChangeContext {
  readonly userId: string;
  readonly scoresTable: string;
  readonly shards: number;
  readonly updatedAt: string;
}

function inScope(
  scope: 'all' | readonly string[],
  stored: ReadonlyMap<string, unknown>,
  due: ReadonlyMap<string, unknown>,
): string[] {
  const ids = scope === 'all' ? [...stored.keys(), ...due.keys()] : [...scope];
  return [...new Set(ids)].sort();
}

const sameTeams = (a: Record<string, number>, b: Record<string, number>): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.keys(a).every((teamId) => a[teamId] === b[teamId]);

function sameTotal(stored: StoredTotal | undefined, due: StoredTotal | undefined): boolean {
  if (!stored || !due) return stored === due;
  return (
    stored.score === due.score &&
    stored.reachedAt === due.reachedAt &&
    stored.displayName === due.displayName &&
    sameTeams(teamPointsBefore(stored), teamPointsBefore(due))
  );
}

function sameProgress(stored: StoredProgress | undefined, due: StoredProgress | undefined): boolean {
  if (!stored || !due) return stored === due;
  return (
    stored.points === due.points &&
    stored.activities === due.activities &&
    stored.lastRecordedAt === due.lastRecordedAt &&
    stored.completedAt === due.completedAt &&
    stored.completedGoal === due.completedGoal
  );
}

/** A put or delete of `key`, on condition the item is what was read (`stored`: absent, or these values). */
function replaceItem(
  table: string,
  key: Record<string, string>,
  item: Record<string, unknown> | null,
  stored: { readonly name: string; readonly value: number; readonly updatedAt: string } | null,
): TransactItem {
  const condition: {
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  } = stored
    ? {
        ConditionExpression: '#version = :version AND #updatedAt = :updatedAt',
        ExpressionAttributeNames: { '#version': stored.name, '#updatedAt': totalAttributes.updatedAt },
        ExpressionAttributeValues: { ':version': stored.value, ':updatedAt': stored.updatedAt },
      }
    : {
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': totalAttributes.pk },
      };
  return item
    ? { Put: { TableName: table, Item: item, ...condition } }
    : { Delete: { TableName: table, Key: key, ...condition } };
}

function teamMoves(
  context: ChangeContext,
  boardId: string,
  stored: StoredTotal | undefined,
  due: StoredTotal | undefined,
): TransactItem[] {
  const before = teamPointsBefore(stored);
  const after = teamPointsBefore(due);
  const shard = shardOf(context.userId, context.shards);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().flatMap((teamId) => {
    const points = (after[teamId] ?? 0) - (before[teamId] ?? 0);
    const members = (after[teamId] ? 1 : 0) - (before[teamId] ? 1 : 0);
    if (points === 0 && members === 0) return [];
    const move = teamCounterChange({ boardId, teamId, points, members, updatedAt: context.updatedAt });
    return [update(context.scoresTable, { ...teamCounterKey(boardId, shard, teamId) }, move)];
  });
}

function boardGroup(
  context: ChangeContext,
  boardId: string,
  stored: StoredTotal | undefined,
  due: StoredTotal | undefined,
): TransactItem[] {
  const key = totalKey(context.userId, boardId);
  const item = due ? encodeTotal(due, context.shards) : null;
  const version = stored
    ? { name: totalAttributes.score, value: stored.score, updatedAt: stored.updatedAt }
    : null;
  const group = [replaceItem(context.scoresTable, { ...key }, item, version)];
  const from = stored ? scoreBucket(stored.score) : null;
  const to = due ? scoreBucket(due.score) : null;
  if (from !== to) {
    const shard = shardOf(context.userId, context.shards);
    const move = scoreHistogramMove({ boardId, shard, from, to });
    group.push(update(context.scoresTable, { ...scoreHistogramKey(boardId, shard) }, move));
  }
  return [...group, ...teamMoves(context, boardId, stored, due)];
}

function progressGroup(
  context: ChangeContext,
  programId: string,
  stored: StoredProgress | undefined,
  due: StoredProgress | undefined,
): TransactItem[] {
  const key = progressKey(context.userId, programId);
  const version = stored
    ? { name: progressAttributes.activities, value: stored.activities, updatedAt: stored.updatedAt }
    : null;
  return [replaceItem(context.scoresTable, { ...key }, due ? encodeProgress(due) : null, version)];
}

export function aggregateChanges(
  context: ChangeContext,
  stored: StoredUserItems,
  due: UserAggregates,
  scope: RecomputeScope,
): AggregateChanges {
  const groups: TransactItem[][] = [];
  const changedBoards: string[] = [];
  let removed = 0;
  for (const boardId of inScope(scope.boards, stored.totals, due.totals)) {
    const before = stored.totals.get(boardId);
    const after = due.totals.get(boardId);
    if (sameTotal(before, after)) continue;
    groups.push(boardGroup(context, boardId, before, after));
    changedBoards.push(boardId);
    if (!after) removed += 1;
    const teams = { ...teamPointsBefore(before), ...teamPointsBefore(after) };
    if (Object.keys(teams).length > 0) changedBoards.push(teamBoardId(boardId));
  }
  for (const programId of inScope(scope.programs, stored.progress, due.progress)) {
    const before = stored.progress.get(programId);
    const after = due.progress.get(programId);
    if (sameProgress(before, after)) continue;
    groups.push(progressGroup(context, programId, before, after));
    if (!after) removed += 1;
  }
  return { groups, changedBoards, removed };
}
