/** The activity `recordActivity` is recording, and the stored activity in its GraphQL shape. */
import { util, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { Activity } from '@leaderboard/core/generated/schema';
import { parseActivity } from '@leaderboard/core/items/activity';
import type { ItemAttributes } from '@leaderboard/core/items/item';
import type { ActivitiesKey } from '@leaderboard/core/keys';
import { decodedOrInternalFailure } from './errors.ts';

/** What `recordActivity`'s resolver puts in the stash for its functions. */
export interface PendingActivity {
  /** The activity's key under the user: the idempotency key, or a fresh ULID. */
  readonly key: string;
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly type: string;
  readonly quantity: number;
  /** Points before the daily cap. */
  readonly basePoints: number;
  readonly maxPointsPerDay: number;
  readonly programId: string | null;
  /** The token's team, until `getTeamAssignment` finds one an admin set. */
  readonly teamId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly idempotencyKey: string | null;
  /** The epoch minute whose rate counter the activity counts in. */
  readonly minute: number;
  readonly rateExpiresAt: number;
  /** The UTC day (`YYYY-MM-DD` of `occurredAt`) whose points the daily cap limits. */
  readonly day: string;
  readonly dailyExpiresAt: number;
}

export interface RecordActivityStash {
  activity: PendingActivity;
  /** The stored activity item once known: found by its key, just written, or written by a racing call. */
  recorded?: ItemAttributes | null;
  dailyPointsBefore?: number;
  /** A concurrent call with the same key wrote the activity first, or may have. */
  raced?: boolean;
  /** The transaction was cancelled by a concurrent transaction rather than by a condition. */
  conflicted?: boolean;
}

/**
 * Reads one Activities table item by its key, consistently: the pipeline must see what an
 * earlier step or a racing call wrote moments ago.
 */
export function getActivitiesItem(key: ActivitiesKey): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues(key), consistentRead: true };
}

export function toActivity(item: unknown): Activity {
  const activity = decodedOrInternalFailure(parseActivity(item));
  return {
    id: activity.id,
    userId: activity.userId,
    type: activity.type,
    quantity: activity.quantity,
    points: activity.points,
    programId: activity.programId,
    occurredAt: activity.occurredAt,
    recordedAt: activity.recordedAt,
    idempotencyKey: activity.idempotencyKey,
    key: activity.key,
    reversedAt: activity.reversal ? activity.reversal.at : null,
    reversalReason: activity.reversal ? activity.reversal.reason : null,
  };
}
