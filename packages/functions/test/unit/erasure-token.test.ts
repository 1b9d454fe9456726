import { describe, expect, it } from 'vitest';
import { ErasureTokenError } from '../../src/operations/errors.ts';
import {
  decodeErasureToken,
  encodeErasureToken,
  type ErasureState,
} from '../../src/operations/erasure-token.ts';

const state: ErasureState = {
  erasureId: '5cc7081e-ab99-4ed6-b80a-57bc6f5f8a50',
  userId: 'erin',
  startedAt: '2026-11-26T02:22:11.290Z',
  auditAt: '2026-11-26T02:22:11.290Z',
  phase: 'snapshots',
  cursor: null,
  boards: ['global', 'week:2026-W48'],
  itemsDeleted: 12,
  boardsChanged: 4,
};

describe('erasure tokens', () => {
  it('carry an erasure from one call to the next', () => {
    expect(decodeErasureToken(encodeErasureToken(state), 'erin')).toEqual(state);
  });

  it("refuse another user's token, and anything eraseUser did not hand out", () => {
    expect(() => decodeErasureToken(encodeErasureToken(state), 'frank')).toThrow(ErasureTokenError);
    expect(() => decodeErasureToken('not a token', 'erin')).toThrow(ErasureTokenError);
    const altered = Buffer.from(JSON.stringify({ ...state, phase: 'everything' })).toString('base64url');
    expect(() => decodeErasureToken(altered, 'erin')).toThrow(ErasureTokenError);
    const negative = Buffer.from(JSON.stringify({ ...state, itemsDeleted: -1 })).toString('base64url');
    expect(() => decodeErasureToken(negative, 'erin')).toThrow(ErasureTokenError);
  });
});
