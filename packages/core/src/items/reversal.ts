/**
 * An admin's reversal of one activity (Activities table, `pk = REV#<userId>#<activityKey>`):
 * written by `reverseActivity` in the same transaction that marks the activity reversed, it
 * travels the activity's way (stream, pipe, queue) to the worker, which takes the activity out of
 * every aggregate it counted for and marks the reversal processed. It has no `userId` attribute,
 * so it stays out of the user's history index. Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, type ActivitiesKey } from '../keys.ts';
import {
  activitiesKeyAttributes,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  optionalTimestamp,
  startReading,
  textAttribute,
  timestampAttribute,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const reversalAttributes = {
  pk: activitiesKeyAttributes.pk,
  kind: kindAttribute,
  activityKey: 'activityKey',
  reversedBy: 'reversedBy',
  reason: 'reason',
  reversedAt: 'reversedAt',
  processedAt: 'processedAt',
} as const;

export interface StoredReversal {
  readonly userId: string;
  /** The reversed activity's key under its user (`activityKey(userId, activityKey)`). */
  readonly activityKey: string;
  /** The admin's user id. */
  readonly reversedBy: string;
  readonly reason: string;
  /** ISO 8601 UTC. */
  readonly reversedAt: string;
  /** When the worker took the activity out of the aggregates; null until then. */
  readonly processedAt: string | null;
}

const reversalPrefix = 'REV';

export const reversalKey = (userId: string, activityKey: string): ActivitiesKey => ({
  pk: [reversalPrefix, userId, activityKey].join(keySeparator),
});

export function encodeReversal(reversal: StoredReversal): ItemAttributes {
  const names = reversalAttributes;
  const item: ItemAttributes = {
    [names.pk]: reversalKey(reversal.userId, reversal.activityKey).pk,
    [names.kind]: itemKinds.reversal,
    [names.activityKey]: reversal.activityKey,
    [names.reversedBy]: reversal.reversedBy,
    [names.reason]: reversal.reason,
    [names.reversedAt]: reversal.reversedAt,
  };
  if (reversal.processedAt !== null) item[names.processedAt] = reversal.processedAt;
  return item;
}

export function parseReversal(item: unknown): Decoded<StoredReversal> {
  const names = reversalAttributes;
  const reader = startReading(item, 'reversal item', itemKinds.reversal);
  const pk = nonEmptyText(reader, names.pk);
  const activityKey = nonEmptyText(reader, names.activityKey);
  const prefix = `${reversalPrefix}${keySeparator}`;
  const suffix = `${keySeparator}${activityKey}`;
  const userId =
    pk.startsWith(prefix) && pk.endsWith(suffix) ? pk.slice(prefix.length, pk.length - suffix.length) : '';
  if (userId.length === 0 || userId.indexOf(keySeparator) >= 0)
    noteProblem(reader, `${names.pk} is not the key of a user's reversal of ${names.activityKey}`);
  return finishReading(reader, {
    userId,
    activityKey,
    reversedBy: nonEmptyText(reader, names.reversedBy),
    reason: textAttribute(reader, names.reason),
    reversedAt: timestampAttribute(reader, names.reversedAt),
    processedAt: optionalTimestamp(reader, names.processedAt),
  });
}
