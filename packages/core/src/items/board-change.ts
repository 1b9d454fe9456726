/**
 * "Board changed during this slot" (Scores table, `CHANGES#<slot>` / `<boardId>`, a slot being
 * `boardChangeSlotMs` long): written by a worker at most once per board and slot (it remembers
 * what it wrote), so its cost follows the number of workers, not activities; read by the
 * rebuilder slot by slot. Expires by `expiresAt`.
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
  /** Epoch time in slots of `boardChangeSlotMs`. */
  readonly slot: number;
  readonly boardId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const partitionPrefix = `CHANGES${keySeparator}`;

/** The partition holding every board marked changed in `slot`. */
export const boardChangePartition = (slot: number): string => `${partitionPrefix}${slot}`;

export const boardChangeKey = (slot: number, boardId: string): ScoresKey => ({
  pk: boardChangePartition(slot),
  sk: boardId,
});

export function encodeBoardChange(change: BoardChange): ItemAttributes {
  const names = boardChangeAttributes;
  const key = boardChangeKey(change.slot, change.boardId);
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
  const slotText = pk.startsWith(partitionPrefix) ? pk.slice(partitionPrefix.length) : '';
  if (!isDigits(slotText)) noteProblem(reader, `${names.pk} is not a slot's partition`);
  const slot = isDigits(slotText) ? digitsValue(slotText) : 0;
  const boardId = nonEmptyText(reader, names.boardId);
  expectKey(reader, boardChangeKey(slot, boardId));
  return finishReading(reader, { slot, boardId, expiresAt: wholeNumber(reader, names.expiresAt, 0) });
}
