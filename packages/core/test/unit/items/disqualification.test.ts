import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeDisqualification } from '../../../src/items/decode.ts';
import {
  disqualificationChangedAt,
  disqualificationKey,
  disqualifiesOn,
  encodeDisqualification,
  type Disqualification,
} from '../../../src/items/disqualification.ts';
import { without, withAttribute } from './support.ts';

const onGlobal: Disqualification = {
  userId: 'ada',
  boardId: 'global',
  disqualifiedBy: 'admin-1',
  reason: 'Shared account',
  disqualifiedAt: '2026-11-20T09:00:00.000Z',
  reinstated: null,
};

const stored = {
  pk: 'DISQUALIFIED',
  sk: 'ada#global',
  kind: 'disqualification',
  userId: 'ada',
  boardId: 'global',
  disqualifiedBy: 'admin-1',
  reason: 'Shared account',
  disqualifiedAt: '2026-11-20T09:00:00.000Z',
};

const reinstated = {
  by: 'admin-2',
  at: '2026-11-21T09:00:00.000Z',
  reason: 'Cleared',
  expiresAt: 1_795_000_000,
};

describe('disqualification codec', () => {
  it("keeps every disqualification in one partition, a user's under their prefix, and reads back what it writes", () => {
    expect(disqualificationKey('ada', null)).toEqual({ pk: 'DISQUALIFIED', sk: 'ada#*' });
    expect(encodeDisqualification(onGlobal)).toEqual(stored);
    expect(decodeDisqualification(stored)).toEqual(onGlobal);
    const everywhere = { ...onGlobal, boardId: null, reinstated };
    expect(encodeDisqualification(everywhere)).toMatchObject({
      sk: 'ada#*',
      reinstatedAt: reinstated.at,
      expiresAt: reinstated.expiresAt,
    });
    expect(encodeDisqualification(everywhere)).not.toHaveProperty('boardId');
    expect(decodeDisqualification(encodeDisqualification(everywhere))).toEqual(everywhere);
  });

  it('leaves its user out of its board, or of every board, until reinstated', () => {
    expect(disqualifiesOn(onGlobal, 'global')).toBe(true);
    expect(disqualifiesOn(onGlobal, 'week:2026-W47')).toBe(false);
    expect(disqualifiesOn({ ...onGlobal, boardId: null }, 'week:2026-W47')).toBe(true);
    expect(disqualifiesOn({ ...onGlobal, reinstated }, 'global')).toBe(false);
    expect(disqualificationChangedAt(onGlobal)).toBe(onGlobal.disqualifiedAt);
    expect(disqualificationChangedAt({ ...onGlobal, reinstated })).toBe(reinstated.at);
  });

  it.each<[string, string, unknown]>([
    ['no admin', 'disqualifiedBy', without(stored, 'disqualifiedBy')],
    ['a board other than its key', 'sk', withAttribute(stored, 'boardId', 'week:2026-W47')],
    [
      'a reinstatement without its admin',
      'reinstatedBy',
      withAttribute(stored, 'reinstatedAt', reinstated.at),
    ],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'total')],
  ])('refuses a disqualification with %s, naming %s', (_, named, item) => {
    expect(() => decodeDisqualification(item)).toThrow(MalformedItemError);
    expect(() => decodeDisqualification(item)).toThrow(named);
  });
});
