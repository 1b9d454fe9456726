/** An RS256 key pair of an issuer the tests play (its public JWKS, and tokens it signs), made with jose. */
import type { Jwk, Jwks } from 'aws-jwt-verify/jwk';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';

export interface SigningKey {
  readonly kid: string;
  readonly jwks: Jwks;
  /** Signs the claims as given: a token has `exp` only if the claims carry one. */
  sign(claims: JWTPayload): Promise<string>;
}

/** `kid` lets a test forge a token under another key's id. */
export async function createSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: Jwk = { ...(await exportJWK(publicKey)), kty: 'RSA', kid, alg: 'RS256', use: 'sig' };
  return {
    kid,
    jwks: { keys: [jwk] },
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey),
  };
}

/** Seconds since the epoch, `offsetSeconds` from now: for `iat` and `exp`. */
export const epochSeconds = (offsetSeconds = 0): number => Math.floor(Date.now() / 1000) + offsetSeconds;
