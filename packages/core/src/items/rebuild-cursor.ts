/**
 * When the rebuilder last started a run that rebuilt every changed board (Scores table,
 * `REBUILDER` / `CURSOR`), so the next run knows from which minute to read change marks.
 */
import { itemKinds, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  scoresKeyAttributes,
  startReading,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const rebuildCursorAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  /** Epoch milliseconds. */
  startedAt: 'startedAt',
} as const;

export interface RebuildCursor {
  readonly startedAtMs: number;
}

export const rebuildCursorKey: ScoresKey = { pk: 'REBUILDER', sk: 'CURSOR' };

export function encodeRebuildCursor(cursor: RebuildCursor): ItemAttributes {
  const names = rebuildCursorAttributes;
  return {
    [names.pk]: rebuildCursorKey.pk,
    [names.sk]: rebuildCursorKey.sk,
    [names.kind]: itemKinds.rebuildCursor,
    [names.startedAt]: cursor.startedAtMs,
  };
}

export function parseRebuildCursor(item: unknown): Decoded<RebuildCursor> {
  const reader = startReading(item, 'rebuild cursor item', itemKinds.rebuildCursor);
  expectKey(reader, rebuildCursorKey);
  return finishReading(reader, { startedAtMs: wholeNumber(reader, rebuildCursorAttributes.startedAt, 0) });
}
