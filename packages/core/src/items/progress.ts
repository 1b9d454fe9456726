/**
 * A user's progress in one program (Scores table, `USER#<userId>` / `PROGRESS#<programId>`):
 * moved by the worker in the same exactly-once transaction as the totals, read first and written
 * on condition it still holds what was read (as totals are); read by `myProgress` and
 * `myPrograms`. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, userPartition, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  optionalTimestamp,
  optionalWholeNumber,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const progressAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  programId: 'programId',
  userId: 'userId',
  points: 'points',
  activities: 'activities',
  lastRecordedAt: 'lastRecordedAt',
  completedAt: 'completedAt',
  completedGoal: 'completedGoal',
  updatedAt: 'updatedAt',
} as const;

export interface StoredProgress {
  readonly userId: string;
  readonly programId: string;
  readonly points: number;
  /** Activities that counted for the program. */
  readonly activities: number;
  /** The latest `recordedAt` of the counted activities; null on progress counted before it was kept. */
  readonly lastRecordedAt: string | null;
  /** When the points reached `completedGoal` (see `progressAfter` in core `programs.ts`); null until then. */
  readonly completedAt: string | null;
  /** The program's goal when `completedAt` was set: a goal edited since then is not reached yet. */
  readonly completedGoal: number | null;
  readonly updatedAt: string;
}

const progressPrefix = `PROGRESS${keySeparator}`;

export const progressKey = (userId: string, programId: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `${progressPrefix}${programId}`,
});

/** The sort key prefix of every progress item in a user's partition. */
export const progressSortKeyPrefix = progressPrefix;

export function encodeProgress(progress: StoredProgress): ItemAttributes {
  const names = progressAttributes;
  const key = progressKey(progress.userId, progress.programId);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.progress,
    [names.programId]: progress.programId,
    [names.userId]: progress.userId,
    [names.points]: progress.points,
    [names.activities]: progress.activities,
    [names.updatedAt]: progress.updatedAt,
  };
  // Absent rather than null, as progress was stored before they were kept.
  if (progress.lastRecordedAt !== null) item[names.lastRecordedAt] = progress.lastRecordedAt;
  if (progress.completedAt !== null) item[names.completedAt] = progress.completedAt;
  if (progress.completedGoal !== null) item[names.completedGoal] = progress.completedGoal;
  return item;
}

export function parseProgress(item: unknown): Decoded<StoredProgress> {
  const names = progressAttributes;
  const reader = startReading(item, 'progress item', itemKinds.progress);
  const userId = nonEmptyText(reader, names.userId);
  const programId = nonEmptyText(reader, names.programId);
  expectKey(reader, progressKey(userId, programId));
  return finishReading(reader, {
    userId,
    programId,
    points: wholeNumber(reader, names.points, 0),
    activities: wholeNumber(reader, names.activities, 1),
    lastRecordedAt: optionalTimestamp(reader, names.lastRecordedAt),
    completedAt: optionalTimestamp(reader, names.completedAt),
    completedGoal: optionalWholeNumber(reader, names.completedGoal, 1),
    updatedAt: timestampAttribute(reader, names.updatedAt),
  });
}
