/**
 * "Board changed during this minute" (Scores table, `CHANGED#<minute>` / `<boardId>`): written
 * by a worker at most once per board and minute (it remembers what it wrote), so its cost
 * follows the number of workers, not activities; read by the rebuilder minute by minute.
 * Expires by `expiresAt`.
 */
import { digitsValue, isDigits } from '../identifiers.ts';
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import { scoresTable } from '../tables.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  scoresKeyAttributes,
  startReading,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const boardChangeAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  boardId: 'boardId',
  expiresAt: scoresTable.ttl,
} as const;

export interface BoardChange {
  /** Epoch minutes. */
  readonly minute: number;
  readonly boardId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const partitionPrefix = `CHANGED${keySeparator}`;

/** The partition holding every board marked changed in `minute`. */
export const boardChangePartition = (minute: number): string => `${partitionPrefix}${minute}`;

export const boardChangeKey = (minute: number, boardId: string): ScoresKey => ({
  pk: boardChangePartition(minute),
  sk: boardId,
});

export function encodeBoardChange(change: BoardChange): ItemAttributes {
  const names = boardChangeAttributes;
  const key = boardChangeKey(change.minute, change.boardId);
  return {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.boardChange,
    [names.boardId]: change.boardId,
    [names.expiresAt]: change.expiresAt,
  };
}

export function parseBoardChange(item: unknown): Decoded<BoardChange> {
  const names = boardChangeAttributes;
  const reader = startReading(item, 'board change item', itemKinds.boardChange);
  const pk = nonEmptyText(reader, names.pk);
  const minuteText = pk.startsWith(partitionPrefix) ? pk.slice(partitionPrefix.length) : '';
  if (!isDigits(minuteText)) noteProblem(reader, `${names.pk} is not a minute's partition`);
  const minute = isDigits(minuteText) ? digitsValue(minuteText) : 0;
  const boardId = nonEmptyText(reader, names.boardId);
  expectKey(reader, boardChangeKey(minute, boardId));
  return finishReading(reader, { minute, boardId, expiresAt: wholeNumber(reader, names.expiresAt, 0) });
}
