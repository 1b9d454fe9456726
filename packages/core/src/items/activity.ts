/**
 * A recorded activity (Activities table, `pk = ACT#<userId>#<key>`): written by
 * `recordActivity`'s resolver, read back by it on a retry, and read by the worker from the
 * table's stream; the worker also marks it processed. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, type ActivitiesKey } from '../keys.ts';
import { activitiesTable } from '../tables.ts';
import {
  activitiesKeyAttributes,
  finishReading,
  kindAttribute,
  nonEmptyText,
  nonNegativeNumber,
  noteProblem,
  optionalText,
  optionalTimestamp,
  startReading,
  textAttribute,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemReader,
} from './item.ts';

export const activityAttributes = {
  pk: activitiesKeyAttributes.pk,
  kind: kindAttribute,
  id: 'id',
  // The user's history index reads these two.
  userId: activitiesTable.globalIndexes.byUser.hashKey,
  displayName: 'displayName',
  type: 'type',
  quantity: 'quantity',
  points: 'points',
  basePoints: 'basePoints',
  programId: 'programId',
  teamId: 'teamId',
  occurredAt: activitiesTable.globalIndexes.byUser.rangeKey,
  recordedAt: 'recordedAt',
  idempotencyKey: 'idempotencyKey',
  processedAt: 'processedAt',
  countedForProgram: 'countedForProgram',
  reversedAt: 'reversedAt',
  reversedBy: 'reversedBy',
  reversalReason: 'reversalReason',
} as const;

/** An admin's reversal of the activity: it stays in the log and counts for nothing. */
export interface ActivityReversal {
  /** ISO 8601 UTC. */
  readonly at: string;
  /** The admin's user id. */
  readonly by: string;
  readonly reason: string;
}

export interface StoredActivity {
  /** The activity's key under its user: the idempotency key, or a fresh ULID when the client gave none. */
  readonly key: string;
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly type: string;
  readonly quantity: number;
  /** Points after the daily cap: what counts on every board. */
  readonly points: number;
  /** Points before the daily cap. */
  readonly basePoints: number;
  readonly programId: string | null;
  /** The user's team when it was recorded (an admin's assignment, else the token's claim); its points count for that team. */
  readonly teamId: string | null;
  /** ISO 8601 UTC. */
  readonly occurredAt: string;
  /** ISO 8601 UTC; the latest `recordedAt` behind a total is when the user reached that total. */
  readonly recordedAt: string;
  readonly idempotencyKey: string | null;
  /** When the worker applied it to the aggregates; null until then. */
  readonly processedAt: string | null;
  /**
   * Whether it counted for its program when the worker applied it (by the program as it was then):
   * a recomputation counts it the same way. Absent on activities applied before it was kept.
   */
  readonly countedForProgram?: boolean;
  /** Set by `reverseActivity`; absent on activities that count. */
  readonly reversal?: ActivityReversal | null;
}

const activityKeyPrefix = (userId: string): string => `ACT${keySeparator}${userId}${keySeparator}`;

export const activityKey = (userId: string, key: string): ActivitiesKey => ({
  pk: `${activityKeyPrefix(userId)}${key}`,
});

export function encodeActivity(activity: StoredActivity): ItemAttributes {
  const names = activityAttributes;
  const item: ItemAttributes = {
    [names.pk]: activityKey(activity.userId, activity.key).pk,
    [names.kind]: itemKinds.activity,
    [names.id]: activity.id,
    [names.userId]: activity.userId,
    [names.displayName]: activity.displayName,
    [names.type]: activity.type,
    [names.quantity]: activity.quantity,
    [names.points]: activity.points,
    [names.basePoints]: activity.basePoints,
    [names.occurredAt]: activity.occurredAt,
    [names.recordedAt]: activity.recordedAt,
  };
  // Absent rather than null, as recorded so far.
  if (activity.programId !== null) item[names.programId] = activity.programId;
  if (activity.teamId !== null) item[names.teamId] = activity.teamId;
  if (activity.idempotencyKey !== null) item[names.idempotencyKey] = activity.idempotencyKey;
  if (activity.processedAt !== null) item[names.processedAt] = activity.processedAt;
  if (activity.countedForProgram !== undefined) item[names.countedForProgram] = activity.countedForProgram;
  if (activity.reversal) {
    item[names.reversedAt] = activity.reversal.at;
    item[names.reversedBy] = activity.reversal.by;
    item[names.reversalReason] = activity.reversal.reason;
  }
  return item;
}

export function parseActivity(item: unknown): Decoded<StoredActivity> {
  const names = activityAttributes;
  const reader = startReading(item, 'activity item', itemKinds.activity);
  const userId = nonEmptyText(reader, names.userId);
  const pk = nonEmptyText(reader, names.pk);
  const prefix = activityKeyPrefix(userId);
  if (!pk.startsWith(prefix) || pk.length === prefix.length)
    noteProblem(reader, `${names.pk} is not the key of its user`);
  const countedForProgram = optionalFlag(reader, names.countedForProgram);
  const reversal = reversalOf(reader);
  return finishReading(reader, {
    key: pk.slice(prefix.length),
    id: nonEmptyText(reader, names.id),
    userId,
    displayName: nonEmptyText(reader, names.displayName),
    type: nonEmptyText(reader, names.type),
    quantity: nonNegativeNumber(reader, names.quantity),
    points: wholeNumber(reader, names.points, 0),
    basePoints: wholeNumber(reader, names.basePoints, 0),
    programId: optionalText(reader, names.programId),
    teamId: optionalText(reader, names.teamId),
    occurredAt: timestampAttribute(reader, names.occurredAt),
    recordedAt: timestampAttribute(reader, names.recordedAt),
    idempotencyKey: optionalText(reader, names.idempotencyKey),
    processedAt: optionalTimestamp(reader, names.processedAt),
    // Left out when absent, as activities were read before operators could mark them.
    ...(countedForProgram === null ? {} : { countedForProgram }),
    ...(reversal === null ? {} : { reversal }),
  });
}

function optionalFlag(reader: ItemReader, name: string): boolean | null {
  const value = reader.attributes[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') noteProblem(reader, `${name} is not true or false`);
  return value === true;
}

function reversalOf(reader: ItemReader): ActivityReversal | null {
  const names = activityAttributes;
  const at = optionalTimestamp(reader, names.reversedAt);
  if (at === null) return null;
  return {
    at,
    by: nonEmptyText(reader, names.reversedBy),
    reason: textAttribute(reader, names.reversalReason),
  };
}
