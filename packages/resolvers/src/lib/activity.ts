/** The activities `recordActivity` and `recordActivities` are recording, and the stored activity in its GraphQL shape. */
import { util, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { epochDay, utcDayKey } from '@leaderboard/core/calendar';
import { serviceConfig } from '@leaderboard/core/config';
import type { Activity } from '@leaderboard/core/generated/schema';
import { parseActivity, type StoredActivity } from '@leaderboard/core/items/activity';
import type { Caller } from '@leaderboard/core/items/caller-context';
import { dailyPointsKey } from '@leaderboard/core/items/counters';
import type { ItemAttributes } from '@leaderboard/core/items/item';
import { epochMinute, type ActivitiesKey } from '@leaderboard/core/keys';
import type { ValidActivity } from '@leaderboard/core/validation';
import { decodedOrInternalFailure } from './errors.ts';

/** An activity being recorded, as the resolver prepared it for its functions. */
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

/** The team activities are recorded for: the token's, until `getTeamAssignment` finds one an admin set. */
export interface RecordingTeam {
  readonly userId: string;
  readonly teamId: string | null;
}

export interface RecordActivityStash {
  team: RecordingTeam;
  activity: PendingActivity;
  /** The stored activity item once known: found by its key, just written, or written by a racing call. */
  recorded?: ItemAttributes | null;
  dailyPointsBefore?: number;
  /** A concurrent call with the same key wrote the activity first, or may have. */
  raced?: boolean;
  /** The transaction was cancelled by a concurrent transaction rather than by a condition. */
  conflicted?: boolean;
}

export interface RecordActivitiesStash {
  team: RecordingTeam;
  /** In input order. */
  activities: PendingActivity[];
  /** Per input: the stored activity once known (recorded under its key before, or written by this call). */
  recorded?: Array<ItemAttributes | null>;
  /** Points of a day and type counted before this call, by the daily counter's key. */
  dailyPointsBefore?: Record<string, number>;
  /** The input each of the transaction's activity puts records, in the transaction's order. */
  putInputs?: number[];
}

/** The caller's activity from valid input, recorded at `nowMs`. */
export function pendingActivity(caller: Caller, valid: ValidActivity, nowMs: number): PendingActivity {
  const minute = epochMinute(nowMs);
  const dayEndSeconds = (epochDay(valid.occurredAtMs) + 1) * 86_400;
  return {
    key: valid.idempotencyKey ?? util.autoUlid(),
    id: util.autoUlid(),
    userId: caller.userId,
    displayName: caller.displayName,
    type: valid.definition.type,
    quantity: valid.quantity,
    basePoints: valid.points,
    maxPointsPerDay: valid.definition.maxPointsPerDay,
    programId: valid.programId,
    occurredAt: util.time.epochMilliSecondsToISO8601(valid.occurredAtMs),
    recordedAt: util.time.epochMilliSecondsToISO8601(nowMs),
    idempotencyKey: valid.idempotencyKey,
    minute,
    rateExpiresAt: (minute + 1) * 60 + serviceConfig.rateCounterTtlSeconds,
    day: utcDayKey(valid.occurredAtMs),
    // No activity can count on that day once it is older than the accepted age.
    dailyExpiresAt: dayEndSeconds + (serviceConfig.maxActivityAgeDays + 1) * 86_400,
  };
}

/** The activity as stored, with the points the daily cap left it and the team it counts for. */
export function storedActivity(
  activity: PendingActivity,
  points: number,
  teamId: string | null,
): StoredActivity {
  return {
    key: activity.key,
    id: activity.id,
    userId: activity.userId,
    displayName: activity.displayName,
    type: activity.type,
    quantity: activity.quantity,
    points,
    basePoints: activity.basePoints,
    programId: activity.programId,
    teamId,
    occurredAt: activity.occurredAt,
    recordedAt: activity.recordedAt,
    idempotencyKey: activity.idempotencyKey,
    processedAt: null,
  };
}

/** The daily counters the activities count in, each once, in the order of their first activity. */
export function dailyCounterKeys(activities: readonly PendingActivity[]): ActivitiesKey[] {
  const keys: ActivitiesKey[] = [];
  const seen: Record<string, boolean> = {};
  for (const activity of activities) {
    const key = dailyPointsKey(activity.userId, activity.day, activity.type);
    if (!seen[key.pk]) keys.push(key);
    seen[key.pk] = true;
  }
  return keys;
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
