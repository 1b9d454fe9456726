import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { boardChangeKey, boardChangePartition, encodeBoardChange } from '../../../src/items/board-change.ts';
import { decodeBoardChange } from '../../../src/items/decode.ts';
import { without, withAttribute } from './support.ts';

const change = { slot: 352_800_000, boardId: 'program:spring', expiresAt: 1_764_086_400 };
const stored = {
  pk: 'CHANGES#352800000',
  sk: 'program:spring',
  kind: 'boardChange',
  boardId: 'program:spring',
  expiresAt: 1_764_086_400,
};

describe('board change codec', () => {
  it('writes the attribute names stored change marks have, and reads them back', () => {
    expect(encodeBoardChange(change)).toEqual(stored);
    expect(boardChangeKey(352_800_000, 'global')).toEqual({ pk: 'CHANGES#352800000', sk: 'global' });
    expect(boardChangePartition(352_800_000)).toBe('CHANGES#352800000');
    expect(decodeBoardChange(stored)).toEqual(change);
  });

  it.each<[string, unknown]>([
    ['no board id', without(stored, 'boardId')],
    ['a board id other than its sort key', withAttribute(stored, 'boardId', 'global')],
    ['a partition that is not a slot', withAttribute(stored, 'pk', 'CHANGES#soon')],
    ['a slot with leading zeros', withAttribute(stored, 'pk', 'CHANGES#0352800000')],
    ['no expiry', without(stored, 'expiresAt')],
  ])('refuses a change mark with %s', (_, item) => {
    expect(() => decodeBoardChange(item)).toThrow(MalformedItemError);
  });
});
