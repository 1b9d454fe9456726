/**
 * Applies a user's recorded activities to the Scores table, exactly once, as few transactions
 * as their boards allow.
 *
 * One TransactWriteItems marks each activity processed (on condition it was not) and moves
 * every aggregate they count for: the user's total on each board (global, their program when
 * they count there, each time window), the user's progress in the program, team counters and
 * score histograms. Activities of one batch that count for the same boards, program and team go
 * in one transaction: each total moves once for all of them, which is what DynamoDB bills by. A
 * redelivered activity fails its marker's condition and is left out; the rest are tried again.
 * Each total's new `rankKey` depends on its new score, and progress on its points, so both are
 * read first and written on condition that they still hold what was read (optimistic locking);
 * when another worker moved them in between, the whole step is retried.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import { activityCountsFor } from '@leaderboard/core/programs';
import type { StoredProgram } from '@leaderboard/core/items/program';
import type { ServiceConfig } from '@leaderboard/core/config';
import { decodeTotal } from '@leaderboard/core/items/decode';
import { setEveryAttribute } from '@leaderboard/core/items/item';
import { encodeTotal, totalAttributes, totalKey, type StoredTotal } from '@leaderboard/core/items/total';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { BoardChangeMarker } from './board-changes.ts';
import { changedBoards, histogramItems, teamItems, teamsAfter } from './team-and-histogram.ts';
import { progressItems, readProgram, readProgress } from './program-progress.ts';
import { processedMarker } from './processed-marker.ts';
import { teamPointsAfter } from './team-points.ts';

/** Other workers kept changing this user's totals; the message is retried later. */
export class TotalsContentionError extends Error {
  override readonly name = 'TotalsContentionError';
}

export interface AggregationTables {
  readonly activities: string;
  readonly scores: string;
}

export interface AggregationDependencies {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: AggregationTables;
  readonly config: Pick<ServiceConfig, 'scoreShards' | 'workerConflictAttempts'>;
  readonly boardChanges: BoardChangeMarker;
  readonly now?: () => number;
}

export type ApplyOutcome = 'applied' | 'duplicate';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** 100 items at most in a transaction: these markers, and at most 4 totals, 4 histograms, 4 team counters and progress. */
const activitiesPerTransaction = 40;

/**
 * Applies `activities`, all of one user, in batch order; each activity's outcome by its `pk`.
 * Each activity appears once (a batch's second delivery of one is the caller's to skip).
 */
export async function applyUserActivities(
  activities: readonly RecordedActivity[],
  deps: AggregationDependencies,
): Promise<Map<string, ApplyOutcome>> {
  const outcomes = new Map<string, ApplyOutcome>();
  for (const group of await coalescingGroups(activities, deps)) {
    for (let start = 0; start < group.activities.length; start += activitiesPerTransaction) {
      const chunk = { ...group, activities: group.activities.slice(start, start + activitiesPerTransaction) };
      for (const [pk, outcome] of await applyGroup(chunk, deps)) outcomes.set(pk, outcome);
    }
  }
  return outcomes;
}

/** Activities that move the same aggregates: one program (or none), one team (or none), the same boards. */
interface CoalescedGroup {
  readonly program: StoredProgram | null;
  readonly boardIds: readonly string[];
  readonly activities: RecordedActivity[];
}

/** The user's activities split by the aggregates they move; a capped-out one (0 points) joins the first group. */
async function coalescingGroups(
  activities: readonly RecordedActivity[],
  deps: AggregationDependencies,
): Promise<CoalescedGroup[]> {
  const programs = new Map<string, Promise<StoredProgram | null>>();
  const groups = new Map<string, CoalescedGroup>();
  const capped: RecordedActivity[] = [];
  for (const activity of activities) {
    if (activity.points === 0) {
      capped.push(activity);
      continue;
    }
    const programId = activity.programId;
    if (programId && !programs.has(programId)) programs.set(programId, readProgram(programId, deps));
    const program = programId ? await programs.get(programId)! : null;
    // A program counts an activity by its type and dates, so the same program may count one and not another.
    const counted = program && activityCountsFor(program, activity).ok ? program : null;
    const boardIds = boardsForActivity({
      programId: counted?.id ?? null,
      occurredAtMs: activity.occurredAtMs,
    });
    const key = [counted?.id ?? '', activity.teamId ?? '', ...boardIds].join('\n');
    const group = groups.get(key) ?? { program: counted, boardIds, activities: [] };
    group.activities.push(activity);
    groups.set(key, group);
  }
  const [first] = groups.values();
  if (first) first.activities.push(...capped);
  else if (capped.length > 0) groups.set('', { program: null, boardIds: [], activities: capped });
  return [...groups.values()];
}

async function applyGroup(
  group: CoalescedGroup,
  deps: AggregationDependencies,
): Promise<Map<string, ApplyOutcome>> {
  const now = deps.now ?? Date.now;
  const outcomes = new Map<string, ApplyOutcome>();
  let pending = group.activities;
  let attempt = 1;
  while (attempt <= deps.config.workerConflictAttempts) {
    const counting = pending.filter((activity) => activity.points > 0);
    const combined = combinedActivity(counting);
    const userId = pending[0]!.userId;
    const totals = combined ? await readTotals(userId, group.boardIds, deps) : new Map<string, StoredTotal>();
    const progress = group.program && combined ? await readProgress(userId, group.program.id, deps) : null;
    const nowMs = now();
    const updatedAt = canonicalTimestamp(nowMs);
    const items = pending.map((activity) =>
      processedMarker(
        activity,
        group.program !== null && activity.points > 0,
        updatedAt,
        deps.tables.activities,
      ),
    );
    if (combined) {
      await deps.boardChanges.markChanged(changedBoards(combined, group.boardIds), nowMs);
      items.push(
        ...group.boardIds.map((boardId) =>
          totalUpdate(combined, boardId, totals.get(boardId), updatedAt, deps),
        ),
        ...histogramItems(combined, group.boardIds, totals, deps),
        ...teamItems(combined, group.boardIds, totals, updatedAt, deps),
        ...progressItems(counting, group.program, progress, updatedAt, deps),
      );
    }
    try {
      await deps.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      for (const activity of pending) outcomes.set(activity.pk, 'applied');
      return outcomes;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const alreadyApplied = pending.filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed');
      if (alreadyApplied.length > 0) {
        // Each round leaves out at least one: it ends, and does not count as contention.
        for (const activity of alreadyApplied) outcomes.set(activity.pk, 'duplicate');
        pending = pending.filter((activity) => !alreadyApplied.includes(activity));
        if (pending.length === 0) return outcomes;
        continue;
      }
      if (!isRetryableCancellation(reasons)) throw error;
    }
    // Records of one batch run concurrently; spreading the retries lets one of the contenders win each round.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    attempt += 1;
  }
  // The activity ids, not the user's: the message reaches logs, which outlive an erasure.
  throw new TotalsContentionError(
    `the totals of activities ${pending.map((activity) => activity.id).join(', ')} kept changing during ${deps.config.workerConflictAttempts} attempts`,
  );
}

/**
 * The activities as one: their points summed, reached when the last of them was recorded. A
 * total, a team counter and a histogram end the same after it as after each in turn.
 */
function combinedActivity(activities: readonly RecordedActivity[]): RecordedActivity | null {
  const [first] = activities;
  if (!first) return null;
  return {
    ...first,
    points: activities.reduce((sum, activity) => sum + activity.points, 0),
    recordedAtMs: Math.max(...activities.map((activity) => activity.recordedAtMs)),
  };
}

/** A total or the progress changed under us (condition) or another transaction held an item (conflict). */
function isRetryableCancellation(reasons: readonly CancellationReason[]): boolean {
  return reasons.some(
    (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
  );
}

async function readTotals(
  userId: string,
  boardIds: readonly string[],
  deps: AggregationDependencies,
): Promise<Map<string, StoredTotal>> {
  const totals = new Map<string, StoredTotal>();
  let keys: Record<string, unknown>[] = boardIds.map((boardId) => ({ ...totalKey(userId, boardId) }));
  // BatchGet may return some keys as unprocessed under load; ask again for those.
  while (keys.length > 0) {
    const result = await deps.documentClient.send(
      new BatchGetCommand({
        RequestItems: { [deps.tables.scores]: { Keys: keys, ConsistentRead: true } },
      }),
    );
    for (const item of result.Responses?.[deps.tables.scores] ?? []) {
      const total = decodeTotal(item);
      totals.set(total.boardId, total);
    }
    keys = (result.UnprocessedKeys?.[deps.tables.scores]?.Keys ?? []) as Record<string, unknown>[];
  }
  return totals;
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
