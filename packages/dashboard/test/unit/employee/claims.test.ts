import { describe, expect, it } from 'vitest';
import { TokenClaimsError, userOfIdToken } from '../../../src/employee/model/claims.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWith = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'RS256' })}.${base64url(claims)}.sig`;

describe('userOfIdToken', () => {
  it('reads the user id, display name, team and expiry, names of any script included', () => {
    expect(
      userOfIdToken(
        tokenWith({ sub: 'u-1', name: 'Chloé Dubois 太郎', 'custom:team': 'blue', exp: 1_900_000_000 }),
      ),
    ).toEqual({ userId: 'u-1', name: 'Chloé Dubois 太郎', team: 'blue', expiresAtMs: 1_900_000_000_000 });
  });

  it('falls back to the user id for a missing name, and to no team', () => {
    expect(userOfIdToken(tokenWith({ sub: 'u-2', exp: 1 }))).toMatchObject({ name: 'u-2', team: null });
    expect(userOfIdToken(tokenWith({ sub: 'u-2', exp: 1, team: 'x' }), 'team').team).toBe('x');
  });

  it.each([
    ['not a JWT', 'abc'],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c'],
    ['no subject', tokenWith({ exp: 1 })],
    ['no expiry', tokenWith({ sub: 'u' })],
  ])('refuses %s', (_what, token) => {
    expect(() => userOfIdToken(token)).toThrow(TokenClaimsError);
  });
});
