/**
 * Applies one recorded activity to the Scores table, exactly once.
 *
 * One TransactWriteItems marks the activity processed (on condition it was not) and moves
 * every aggregate it counts for: the user's total on each board (global, program, ISO week)
 * and the user's progress in the program. A redelivered activity fails the first condition
 * and is skipped. Each total's new `rankKey` depends on its new score, so totals are read
 * first and written on condition that they still hold what was read (optimistic locking);
 * when another worker moved the same user's total in between, the whole step is retried.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { boardsForActivity } from '@leaderboard/core/boards';
import type { ServiceConfig } from '@leaderboard/core/config';
import { itemKinds, progressKey, totalKey } from '@leaderboard/core/keys';
import { canonicalTimestamp, encodeRankKey, scoreShardKey, shardOf } from '@leaderboard/core/ranking';
import type { RecordedActivity } from './activity-record.ts';
import type { BoardChangeMarker } from './board-changes.ts';

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

interface StoredTotal {
  readonly score: number;
  readonly reachedAt: string;
}

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export async function applyActivity(
  activity: RecordedActivity,
  deps: AggregationDependencies,
): Promise<ApplyOutcome> {
  const now = deps.now ?? Date.now;
  const boardIds = boardsForActivity(activity);
  for (let attempt = 1; attempt <= deps.config.workerConflictAttempts; attempt += 1) {
    const totals =
      activity.points > 0
        ? await readTotals(activity.userId, boardIds, deps)
        : new Map<string, StoredTotal>();
    const nowMs = now();
    if (activity.points > 0) await deps.boardChanges.markChanged(boardIds, nowMs);
    const items = buildTransaction(activity, boardIds, totals, nowMs, deps);
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

/** A total changed under us (condition) or another transaction held an item (conflict). */
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
        RequestItems: {
          [deps.tables.scores]: {
            Keys: keys,
            ConsistentRead: true,
            ProjectionExpression: 'boardId, score, reachedAt',
          },
        },
      }),
    );
    for (const item of result.Responses?.[deps.tables.scores] ?? []) {
      totals.set(item['boardId'] as string, {
        score: item['score'] as number,
        reachedAt: item['reachedAt'] as string,
      });
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
): TransactItem[] {
  const updatedAt = canonicalTimestamp(nowMs);
  const items: TransactItem[] = [
    {
      Update: {
        TableName: deps.tables.activities,
        Key: { pk: activity.pk },
        UpdateExpression: 'SET processedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(processedAt)',
        ExpressionAttributeValues: { ':now': updatedAt },
      },
    },
  ];
  // A capped-out activity (0 points) moves nothing; it is only marked processed.
  if (activity.points === 0) return items;

  const recordedAt = canonicalTimestamp(activity.recordedAtMs);
  const shard = shardOf(activity.userId, deps.config.scoreShards);
  for (const boardId of boardIds) {
    const before = totals.get(boardId);
    const score = (before?.score ?? 0) + activity.points;
    // Reached when the last activity behind it was recorded: the same whatever order the worker sees them in.
    const reachedAt = before && before.reachedAt > recordedAt ? before.reachedAt : recordedAt;
    items.push({
      Update: {
        TableName: deps.tables.scores,
        Key: totalKey(activity.userId, boardId),
        UpdateExpression:
          'SET #kind = :kind, boardId = :boardId, userId = :userId, displayName = :displayName, reachedAt = :reachedAt, ' +
          'shardKey = :shardKey, rankKey = :rankKey, updatedAt = :updatedAt ADD score :points',
        ConditionExpression: before ? 'score = :before' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':kind': itemKinds.total,
          ':boardId': boardId,
          ':userId': activity.userId,
          ':displayName': activity.displayName ?? activity.userId,
          ':reachedAt': reachedAt,
          ':shardKey': scoreShardKey(boardId, shard),
          ':rankKey': encodeRankKey({ userId: activity.userId, score, reachedAt }),
          ':updatedAt': updatedAt,
          ':points': activity.points,
          ...(before ? { ':before': before.score } : {}),
        },
      },
    });
  }
  if (activity.programId) {
    items.push({
      Update: {
        TableName: deps.tables.scores,
        Key: progressKey(activity.userId, activity.programId),
        UpdateExpression:
          'SET #kind = :kind, programId = :programId, userId = :userId, updatedAt = :updatedAt ADD points :points, activities :one',
        ExpressionAttributeNames: { '#kind': 'kind' },
        ExpressionAttributeValues: {
          ':kind': itemKinds.progress,
          ':programId': activity.programId,
          ':userId': activity.userId,
          ':updatedAt': updatedAt,
          ':points': activity.points,
          ':one': 1,
        },
      },
    });
  }
  return items;
}
