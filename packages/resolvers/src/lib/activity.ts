/** The stored activity item and its GraphQL shape. */
import { util, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { Activity } from '@leaderboard/core/generated/schema';

/** What `recordActivity`'s resolver puts in the stash for its functions. */
export interface PendingActivity {
  readonly pk: string;
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly type: string;
  readonly quantity: number;
  /** Points before the daily cap. */
  readonly basePoints: number;
  readonly maxPointsPerDay: number;
  readonly programId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly idempotencyKey: string | null;
  readonly ratePk: string;
  readonly rateExpiresAt: number;
  readonly dailyPk: string;
  readonly dailyExpiresAt: number;
}

export interface RecordActivityStash {
  activity: PendingActivity;
  /** The stored activity once known: found by its key, just written, or written by a racing call. */
  recorded?: Record<string, unknown> | null;
  dailyPointsBefore?: number;
  /** A concurrent call with the same key wrote the activity first, or may have. */
  raced?: boolean;
  /** The transaction was cancelled by a concurrent transaction rather than by a condition. */
  conflicted?: boolean;
}

/**
 * Reads one Activities table item by its `pk`, consistently: the pipeline must see what an
 * earlier step or a racing call wrote moments ago.
 */
export function getActivitiesItem(pk: string): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ pk }), consistentRead: true };
}

export function toActivity(item: Record<string, unknown>): Activity {
  return {
    id: item['id'] as string,
    userId: item['userId'] as string,
    type: item['type'] as string,
    quantity: item['quantity'] as number,
    points: item['points'] as number,
    programId: (item['programId'] as string | undefined) ?? null,
    occurredAt: item['occurredAt'] as string,
    recordedAt: item['recordedAt'] as string,
    idempotencyKey: (item['idempotencyKey'] as string | undefined) ?? null,
  };
}
