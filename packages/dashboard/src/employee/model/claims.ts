/**
 * Who signed in, read from the ID token the page holds. The page reads the token it was handed
 * by the token endpoint over TLS (its signature is the API's to check, and the API does); this
 * only names the user on screen and tells when the token needs refreshing.
 */
import { serviceConfig } from '@leaderboard/core/config';

export interface SignedInUser {
  /** The token's `sub`: the user id the API keys everything by. */
  readonly userId: string;
  /** The display name boards show (`name`); the user id when the token has none. */
  readonly name: string;
  /** The team claim (`custom:team`), when the token carries one. */
  readonly team: string | null;
  readonly expiresAtMs: number;
}

export class TokenClaimsError extends Error {
  override readonly name = 'TokenClaimsError';
}

function payloadOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new TokenClaimsError('the ID token is not a JWT');
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
      return payload as Record<string, unknown>;
    }
  } catch {
    // Falls through to the error below: the part is not base64url JSON.
  }
  throw new TokenClaimsError('the ID token payload is not a JSON object');
}

export function userOfIdToken(idToken: string, teamClaim = serviceConfig.teamClaim): SignedInUser {
  const claims = payloadOf(idToken);
  const { sub, name, exp } = claims;
  if (typeof sub !== 'string' || sub === '') throw new TokenClaimsError('the ID token names no subject');
  if (typeof exp !== 'number') throw new TokenClaimsError('the ID token has no expiry');
  const team = claims[teamClaim];
  return {
    userId: sub,
    name: typeof name === 'string' && name.trim() !== '' ? name : sub,
    team: typeof team === 'string' && team !== '' ? team : null,
    expiresAtMs: exp * 1000,
  };
}
