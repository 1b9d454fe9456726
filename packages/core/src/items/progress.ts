/**
 * A user's progress in one program (Scores table, `USER#<userId>` / `PROGRESS#<programId>`):
 * moved by the worker in the same exactly-once transaction as the totals.
 */
import { itemKinds, keySeparator, userPartition, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
  type ItemExpression,
} from './item.ts';

export const progressAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  programId: 'programId',
  userId: 'userId',
  points: 'points',
  activities: 'activities',
  updatedAt: 'updatedAt',
} as const;

export interface StoredProgress {
  readonly userId: string;
  readonly programId: string;
  readonly points: number;
  /** Activities that counted for the program. */
  readonly activities: number;
  readonly updatedAt: string;
}

export const progressKey = (userId: string, programId: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `PROGRESS${keySeparator}${programId}`,
});

export function encodeProgress(progress: StoredProgress): ItemAttributes {
  const names = progressAttributes;
  const key = progressKey(progress.userId, progress.programId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.progress,
    [names.programId]: progress.programId,
    [names.userId]: progress.userId,
    [names.points]: progress.points,
    [names.activities]: progress.activities,
    [names.updatedAt]: progress.updatedAt,
  };
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
    updatedAt: timestampAttribute(reader, names.updatedAt),
  });
}

/**
 * Counts one activity's `points` in the program. An addition, not a read-modify-write: the
 * worker's transaction applies each activity once, so concurrent activities need no lock here.
 */
export function progressIncrement(change: {
  readonly userId: string;
  readonly programId: string;
  readonly points: number;
  readonly updatedAt: string;
}): ItemExpression {
  const names = progressAttributes;
  return {
    expression:
      'SET #kind = :kind, #programId = :programId, #userId = :userId, #updatedAt = :updatedAt ' +
      'ADD #points :points, #activities :one',
    names: {
      '#kind': names.kind,
      '#programId': names.programId,
      '#userId': names.userId,
      '#updatedAt': names.updatedAt,
      '#points': names.points,
      '#activities': names.activities,
    },
    values: {
      ':kind': itemKinds.progress,
      ':programId': change.programId,
      ':userId': change.userId,
      ':updatedAt': change.updatedAt,
      ':points': change.points,
      ':one': 1,
    },
  };
}
