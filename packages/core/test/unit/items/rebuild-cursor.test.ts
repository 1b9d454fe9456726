import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeRebuildCursor } from '../../../src/items/decode.ts';
import { encodeRebuildCursor } from '../../../src/items/rebuild-cursor.ts';
import { without, withAttribute } from './support.ts';

const stored = { pk: 'REBUILDER', sk: 'CURSOR', kind: 'rebuildCursor', startedAt: 1_764_000_000_000 };

describe('rebuild cursor codec', () => {
  it('writes the attribute names the stored cursor has, and reads them back', () => {
    expect(encodeRebuildCursor({ startedAtMs: 1_764_000_000_000 })).toEqual(stored);
    expect(decodeRebuildCursor(stored)).toEqual({ startedAtMs: 1_764_000_000_000 });
  });

  it.each<[string, unknown]>([
    ['no start time', without(stored, 'startedAt')],
    ['a start time as text', withAttribute(stored, 'startedAt', '1764000000000')],
    ['another key', withAttribute(stored, 'sk', 'OTHER')],
  ])('refuses a cursor with %s', (_, item) => {
    expect(() => decodeRebuildCursor(item)).toThrow(MalformedItemError);
  });
});
