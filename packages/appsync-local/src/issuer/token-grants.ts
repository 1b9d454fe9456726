/**
 * The codes `/authorize` hands out and the refresh grants `/token` keeps, in memory, and the ID
 * and access tokens either buys, signed with the issuer's key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { AuthorizationRequest, SignedInUser } from './authorization-request.ts';
import { OAuthError } from './oauth-error.ts';

export interface TokenGrantsOptions {
  /** The issuer URL, known once the server listens. */
  readonly issuer: () => string;
  readonly signingKey: { readonly privateKey: Parameters<SignJWT['sign']>[0]; readonly keyId: string };
  /** The group the form's admin box puts the user in (default `admins`), written as `cognito:groups`. */
  readonly adminGroup?: string;
  /** The claim the form's team goes in (default `custom:team`, a user pool custom attribute). */
  readonly teamClaim?: string;
  /** ID and access token lifetime (default 3600). */
  readonly tokenLifetimeSeconds?: number;
  readonly now?: () => number;
}

/** What a client sends to the token endpoint for a code; null where it left a field out. */
export interface CodeRedemption {
  readonly code: string;
  readonly verifier: string;
  readonly clientId: string | null;
  readonly redirectUri: string | null;
}

export interface GrantedTokens {
  readonly id_token: string;
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
}

interface IssuedCode {
  readonly request: AuthorizationRequest;
  readonly user: SignedInUser;
  readonly authTime: number;
  readonly expiresAt: number;
}

interface RefreshGrant {
  readonly clientId: string;
  readonly scope: string;
  readonly user: SignedInUser;
  readonly authTime: number;
}

const codeLifetimeMs = 60_000;
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');
const opaqueToken = (): string => randomBytes(32).toString('base64url');

export class TokenGrants {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly now: () => number;
  private readonly lifetime: number;
  private readonly adminGroup: string;
  private readonly teamClaim: string;

  constructor(private readonly options: TokenGrantsOptions) {
    this.now = options.now ?? Date.now;
    this.lifetime = options.tokenLifetimeSeconds ?? 3600;
    this.adminGroup = options.adminGroup ?? 'admins';
    this.teamClaim = options.teamClaim ?? 'custom:team';
  }

  issueCode(request: AuthorizationRequest, user: SignedInUser): string {
    const code = opaqueToken();
    const issuedAt = this.now();
    for (const [key, issued] of this.codes) if (issued.expiresAt <= issuedAt) this.codes.delete(key);
    this.codes.set(code, {
      request,
      user,
      authTime: Math.floor(issuedAt / 1000),
      expiresAt: issuedAt + codeLifetimeMs,
    });
    return code;
  }

  async redeemCode(redemption: CodeRedemption): Promise<GrantedTokens & { readonly refresh_token: string }> {
    const issued = this.takeCode(redemption);
    const grant = {
      clientId: issued.request.clientId,
      scope: issued.request.scope,
      user: issued.user,
      authTime: issued.authTime,
    };
    const refreshToken = opaqueToken();
    this.refreshGrants.set(refreshToken, grant);
    return { ...(await this.tokensFor(grant, issued.request.nonce)), refresh_token: refreshToken };
  }

  async refresh(refreshToken: string, clientId: string | null): Promise<GrantedTokens> {
    const grant = this.refreshGrants.get(refreshToken);
    if (!grant || grant.clientId !== clientId) {
      throw new OAuthError('invalid_grant', 'the refresh token is unknown or was issued to another client');
    }
    // Like a user pool, the refresh token stays the same; only new ID and access tokens are issued.
    return this.tokensFor(grant, null);
  }

  private takeCode(redemption: CodeRedemption): IssuedCode {
    const issued = this.codes.get(redemption.code);
    // One use only: a second attempt finds nothing (RFC 6749 4.1.2).
    this.codes.delete(redemption.code);
    if (!issued || issued.expiresAt <= this.now())
      throw new OAuthError('invalid_grant', 'the code is unknown, used or expired');
    if (
      issued.request.clientId !== redemption.clientId ||
      issued.request.redirectUri !== redemption.redirectUri
    ) {
      throw new OAuthError(
        'invalid_grant',
        'client_id or redirect_uri differ from the authorization request',
      );
    }
    const { verifier } = redemption;
    if (!verifierPattern.test(verifier) || s256(verifier) !== issued.request.codeChallenge) {
      throw new OAuthError('invalid_grant', 'the code_verifier does not match the code_challenge');
    }
    return issued;
  }

  /** ID and access tokens shaped as a user pool's: groups in `cognito:groups`, `token_use`, the client in the access token's `client_id`. */
  private async tokensFor(grant: RefreshGrant, nonce: string | null): Promise<GrantedTokens> {
    const { user } = grant;
    const shared = {
      sub: user.sub,
      auth_time: grant.authTime,
      ...(user.admin ? { 'cognito:groups': [this.adminGroup] } : {}),
    };
    return {
      id_token: await this.signed(
        {
          ...shared,
          token_use: 'id',
          name: user.name,
          ...(user.team ? { [this.teamClaim]: user.team } : {}),
          ...(nonce ? { nonce } : {}),
        },
        grant.clientId,
      ),
      access_token: await this.signed(
        { ...shared, token_use: 'access', client_id: grant.clientId, scope: grant.scope, username: user.sub },
        null,
      ),
      token_type: 'Bearer',
      expires_in: this.lifetime,
    };
  }

  private async signed(claims: JWTPayload, audience: string | null): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    const { keyId, privateKey } = this.options.signingKey;
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
      .setIssuer(this.options.issuer())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetime)
      .setJti(opaqueToken());
    return (audience === null ? token : token.setAudience(audience)).sign(privateKey);
  }
}
