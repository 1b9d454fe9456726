/**
 * A user disqualified on one board or on every board (Scores table, `DISQUALIFIED` /
 * `<userId>#<boardId or *>`): put by `disqualifyUser`; `reinstateUser` marks it reinstated and it
 * expires a day later. The rebuilder reads the whole partition each tick (admins disqualify few
 * users): it leaves the disqualified out of the boards' snapshots, and rebuilds the boards of an
 * entry that changed since its previous tick. `myStanding` reads the caller's entries (one Query
 * on the prefix `<userId>#`). Bundled into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import { scoresTable } from '../tables.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  optionalText,
  optionalTimestamp,
  optionalWholeNumber,
  scoresKeyAttributes,
  startReading,
  textAttribute,
  timestampAttribute,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const disqualificationAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  userId: 'userId',
  boardId: 'boardId',
  disqualifiedBy: 'disqualifiedBy',
  reason: 'reason',
  disqualifiedAt: 'disqualifiedAt',
  reinstatedBy: 'reinstatedBy',
  reinstatedAt: 'reinstatedAt',
  reinstateReason: 'reinstateReason',
  expiresAt: scoresTable.ttl,
} as const;

export interface Reinstatement {
  readonly by: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly reason: string;
  /** Epoch seconds: kept long enough for every rebuilder tick to see it. */
  readonly expiresAt: number;
}

export interface Disqualification {
  readonly userId: string;
  /** The board; null for every board. */
  readonly boardId: string | null;
  /** The admin's user id. */
  readonly disqualifiedBy: string;
  readonly reason: string;
  /** ISO 8601 UTC. */
  readonly disqualifiedAt: string;
  /** Set when an admin ended it: the user counts again. */
  readonly reinstated: Reinstatement | null;
}

/** The partition holding every disqualification. */
export const disqualificationPartition = 'DISQUALIFIED';
const everyBoard = '*';

/** The sort key prefix of every disqualification of one user. */
export const disqualificationPrefix = (userId: string): string => `${userId}${keySeparator}`;

export const disqualificationKey = (userId: string, boardId: string | null): ScoresKey => ({
  pk: disqualificationPartition,
  sk: `${disqualificationPrefix(userId)}${boardId === null ? everyBoard : boardId}`,
});

/** Whether a disqualification leaves its user out of `boardId`'s snapshots now. */
export const disqualifiesOn = (disqualification: Disqualification, boardId: string): boolean =>
  disqualification.reinstated === null &&
  (disqualification.boardId === null || disqualification.boardId === boardId);

/** When it last changed: disqualified, or reinstated. */
export const disqualificationChangedAt = (disqualification: Disqualification): string =>
  disqualification.reinstated === null ? disqualification.disqualifiedAt : disqualification.reinstated.at;

export function encodeDisqualification(disqualification: Disqualification): ItemAttributes {
  const names = disqualificationAttributes;
  const key = disqualificationKey(disqualification.userId, disqualification.boardId);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.disqualification,
    [names.userId]: disqualification.userId,
    [names.disqualifiedBy]: disqualification.disqualifiedBy,
    [names.reason]: disqualification.reason,
    [names.disqualifiedAt]: disqualification.disqualifiedAt,
  };
  if (disqualification.boardId !== null) item[names.boardId] = disqualification.boardId;
  const reinstated = disqualification.reinstated;
  if (reinstated !== null) {
    item[names.reinstatedBy] = reinstated.by;
    item[names.reinstatedAt] = reinstated.at;
    item[names.reinstateReason] = reinstated.reason;
    item[names.expiresAt] = reinstated.expiresAt;
  }
  return item;
}

export function parseDisqualification(item: unknown): Decoded<Disqualification> {
  const names = disqualificationAttributes;
  const reader = startReading(item, 'disqualification item', itemKinds.disqualification);
  const userId = nonEmptyText(reader, names.userId);
  const boardId = optionalText(reader, names.boardId);
  expectKey(reader, disqualificationKey(userId, boardId));
  const reinstatedAt = optionalTimestamp(reader, names.reinstatedAt);
  return finishReading(reader, {
    userId,
    boardId,
    disqualifiedBy: nonEmptyText(reader, names.disqualifiedBy),
    reason: textAttribute(reader, names.reason),
    disqualifiedAt: timestampAttribute(reader, names.disqualifiedAt),
    reinstated:
      reinstatedAt === null
        ? null
        : {
            by: nonEmptyText(reader, names.reinstatedBy),
            at: reinstatedAt,
            reason: textAttribute(reader, names.reinstateReason),
            expiresAt: optionalWholeNumber(reader, names.expiresAt, 0) ?? 0,
          },
  });
}
