/**
 * A board's latest snapshot (Scores table, `BOARD#<boardId>` / `SNAPSHOT`): written by the
 * rebuilder, versioned, and read with one GetItem by `leaderboard` and `myStanding`. Bundled
 * into APPSYNC_JS resolvers.
 */
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import type { RankedEntry } from '../ranking.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  listAttribute,
  noteProblem,
  nonEmptyText,
  optionalText,
  optionalWholeNumber,
  scoresKeyAttributes,
  startReading,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const snapshotAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  version: 'version',
  asOf: 'asOf',
  entries: 'entries',
  publishedVersion: 'publishedVersion',
} as const;

/** Attributes of each map in the `entries` list. */
export const snapshotEntryAttributes = {
  rank: 'rank',
  previousRank: 'previousRank',
  userId: 'userId',
  displayName: 'displayName',
  score: 'score',
} as const;

export interface BoardSnapshot {
  readonly boardId: string;
  readonly version: number;
  /** ISO 8601 UTC: when the rebuilder read the ranking. */
  readonly asOf: string;
  readonly entries: RankedEntry[];
  /** The highest version known to have reached subscribers. */
  readonly publishedVersion: number;
}

export const snapshotKey = (boardId: string): ScoresKey => ({
  pk: `BOARD${keySeparator}${boardId}`,
  sk: 'SNAPSHOT',
});

export function encodeSnapshot(snapshot: BoardSnapshot): ItemAttributes {
  const names = snapshotAttributes;
  const entryNames = snapshotEntryAttributes;
  const key = snapshotKey(snapshot.boardId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.snapshot,
    [names.boardId]: snapshot.boardId,
    [names.version]: snapshot.version,
    [names.asOf]: snapshot.asOf,
    [names.entries]: snapshot.entries.map((entry) => ({
      [entryNames.rank]: entry.rank,
      [entryNames.previousRank]: entry.previousRank,
      [entryNames.userId]: entry.userId,
      [entryNames.displayName]: entry.displayName,
      [entryNames.score]: entry.score,
    })),
    [names.publishedVersion]: snapshot.publishedVersion,
  };
}

function parseEntry(stored: unknown, index: number): Decoded<RankedEntry> {
  const names = snapshotEntryAttributes;
  const reader = startReading(stored, `entry ${index}`, null);
  return finishReading(reader, {
    rank: wholeNumber(reader, names.rank, 1),
    previousRank: optionalWholeNumber(reader, names.previousRank, 1),
    userId: nonEmptyText(reader, names.userId),
    displayName: optionalText(reader, names.displayName),
    score: wholeNumber(reader, names.score, 0),
  });
}

export function parseSnapshot(item: unknown): Decoded<BoardSnapshot> {
  const names = snapshotAttributes;
  const reader = startReading(item, 'snapshot item', itemKinds.snapshot);
  const boardId = nonEmptyText(reader, names.boardId);
  expectKey(reader, snapshotKey(boardId));
  const entries: RankedEntry[] = [];
  listAttribute(reader, names.entries).forEach((stored, index) => {
    const entry = parseEntry(stored, index);
    if (entry.ok) entries.push(entry.value);
    else noteProblem(reader, entry.problem);
  });
  return finishReading(reader, {
    boardId,
    version: wholeNumber(reader, names.version, 1),
    asOf: timestampAttribute(reader, names.asOf),
    entries,
    // Absent until the first publish was recorded.
    publishedVersion: optionalWholeNumber(reader, names.publishedVersion, 0) ?? 0,
  });
}
