/**
 * Applies one recorded activity to the Scores table, exactly once.
 *
 * One TransactWriteItems marks the activity processed (on condition it was not) and moves
 * every aggregate it counts for: the user's total on each board (global, its program when it
 * counts there, each time window) and the user's progress in the program. A redelivered
 * activity fails the first condition and is skipped. Each total's new `rankKey` depends on its
 * new score, and progress on its points, so both are read first and written on condition that
 * they still hold what was read (optimistic locking); when another worker moved them in
 * between, the whole step is retried.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import type { ServiceConfig } from '@leaderboard/core/config';
import { decodeTotal } from '@leaderboard/core/items/decode';
import { setEveryAttribute } from '@leaderboard/core/items/item';
import { encodeTotal, totalAttributes, totalKey, type StoredTotal } from '@leaderboard/core/items/total';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { BoardChangeMarker } from './board-changes.ts';
import { changedBoards, histogramItems, teamItems, teamsAfter } from './team-and-histogram.ts';
import { countedProgram, progressItems, readProgress } from './program-progress.ts';
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

export async function applyActivity(
  activity: RecordedActivity,
  deps: AggregationDependencies,
): Promise<ApplyOutcome> {
  const now = deps.now ?? Date.now;
  const program = activity.points > 0 ? await countedProgram(activity, deps) : null;
  const boardIds = boardsForActivity({ programId: program?.id ?? null, occurredAtMs: activity.occurredAtMs });
  for (let attempt = 1; attempt <= deps.config.workerConflictAttempts; attempt += 1) {
    const totals =
      activity.points > 0
        ? await readTotals(activity.userId, boardIds, deps)
        : new Map<string, StoredTotal>();
    const progress = program ? await readProgress(activity.userId, program.id, deps) : null;
    const nowMs = now();
    if (activity.points > 0) await deps.boardChanges.markChanged(changedBoards(activity, boardIds), nowMs);
    const items = buildTransaction(activity, boardIds, totals, nowMs, deps, program !== null);
    items.push(
      ...histogramItems(activity, boardIds, totals, deps),
      ...teamItems(activity, boardIds, totals, canonicalTimestamp(nowMs), deps),
    );
    items.push(...progressItems(activity, program, progress, canonicalTimestamp(nowMs), deps));
    try {
      await deps.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
      if (!isRetryableCancellation(reasons)) throw error;
    }
    // Records of one batch run concurrently; spreading the retries lets one of the contenders win each round.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
  }
  throw new TotalsContentionError(
    `totals of user ${activity.userId} kept changing during ${deps.config.workerConflictAttempts} attempts`,
  );
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

function buildTransaction(
  activity: RecordedActivity,
  boardIds: readonly string[],
  totals: ReadonlyMap<string, StoredTotal>,
  nowMs: number,
  deps: AggregationDependencies,
  countedForProgram: boolean,
): TransactItem[] {
  const updatedAt = canonicalTimestamp(nowMs);
  const items: TransactItem[] = [
    processedMarker(activity, countedForProgram, updatedAt, deps.tables.activities),
  ];
  // A capped-out activity (0 points) moves nothing; it is only marked processed.
  if (activity.points === 0) return items;

  for (const boardId of boardIds)
    items.push(totalUpdate(activity, boardId, totals.get(boardId), updatedAt, deps));
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
