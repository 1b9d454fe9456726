/**
 * OPENID_CONNECT and AMAZON_COGNITO_USER_POOLS: the token's signature, issuer, expiry and
 * audience are verified against the issuer's JWKS (jose), as AppSync does.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { NotAuthorizedError } from '../errors.ts';
import type { AuthMode, AuthorizedCaller, JwtProviderConfig } from './modes.ts';

export class JwtProvider {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    readonly mode: Extract<AuthMode, 'OPENID_CONNECT' | 'AMAZON_COGNITO_USER_POOLS'>,
    private readonly config: JwtProviderConfig,
  ) {
    const issuer = config.issuer.replace(/\/$/, '');
    this.keys = createRemoteJWKSet(new URL(config.jwksUri ?? `${issuer}/.well-known/jwks.json`));
  }

  /** True when the (unverified) token names this provider's issuer: it is this provider's to judge. */
  claims(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.config.issuer;
    } catch {
      return false;
    }
  }

  async authorize(token: string, sourceIp: string): Promise<AuthorizedCaller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token.replace(/^Bearer\s+/i, ''), this.keys, {
        issuer: this.config.issuer,
        algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256'],
      }));
    } catch {
      throw new NotAuthorizedError();
    }
    const clientId = this.config.clientId;
    if (clientId !== undefined) {
      const audiences = [payload.aud, payload['client_id']]
        .flat()
        .filter((value) => typeof value === 'string');
      if (!audiences.includes(clientId)) throw new NotAuthorizedError();
    }
    if (typeof payload.sub !== 'string') throw new NotAuthorizedError();
    const groupsClaim = payload['cognito:groups'];
    const groups = Array.isArray(groupsClaim) ? groupsClaim.filter((group) => typeof group === 'string') : [];
    const username = payload['cognito:username'] ?? payload['username'] ?? payload.sub;
    return {
      mode: this.mode,
      identity: {
        sub: payload.sub,
        issuer: this.config.issuer,
        username: typeof username === 'string' ? username : payload.sub,
        claims: payload,
        sourceIp: [sourceIp],
        defaultAuthStrategy: 'ALLOW',
        groups: groups.length > 0 ? groups : null,
      },
      deniedFields: new Set(),
      groups,
    };
  }
}
