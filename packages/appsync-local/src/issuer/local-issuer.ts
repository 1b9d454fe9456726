/**
 * A local OpenID Connect issuer that plays the user pool: an RSA key pair made at start-up (or
 * the one it is handed, so tokens outlive a restart), `/.well-known/openid-configuration` and
 * `/.well-known/jwks.json` on its own port, `mintToken` in process, and the authorization code
 * flow with PKCE that a user pool's managed login serves (authorization-code-flow.ts). It runs on its own port, not on the API's, because it stands for
 * a separate service (Cognito or any OIDC provider) that the authorizer reaches by URL
 * (`JWT_ISSUER`, `JWT_JWKS_URI`), exactly as in the cloud.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../net/server-lifecycle.ts';
import { createAuthorizationCodeFlow } from './authorization-code-flow.ts';

export interface LocalIssuerOptions {
  /** 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /**
   * The `aud` of minted tokens unless a token asks for another (default `appsync-local`), and the
   * client id of the public client that signs users in through `/authorize` and `/token`.
   */
  readonly audience?: string;
  /** The claim the sign-in form's team goes in (default `custom:team`). */
  readonly teamClaim?: string;
  /** Sign with this key (the `signingKey` of an earlier issuer) instead of making a new one. */
  readonly signingKey?: IssuerSigningKey;
}

/** An RS256 private key as a JWK, and the key id tokens name it by. */
export interface IssuerSigningKey {
  readonly keyId: string;
  readonly privateJwk: JWK;
}

export interface MintTokenRequest {
  readonly sub: string;
  readonly name?: string;
  /** Written as `cognito:groups`, as a Cognito user pool does. */
  readonly groups?: readonly string[];
  /** Lifetime from now; negative makes an already expired token (default 3600). */
  readonly expiresInSeconds?: number;
  readonly audience?: string;
  /** Any further claims. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface LocalIssuer {
  /** e.g. `http://127.0.0.1:4000`: the `iss` of every token. */
  readonly issuer: string;
  /** `<issuer>/.well-known/jwks.json` */
  readonly jwksUri: string;
  /** `<issuer>/.well-known/openid-configuration` */
  readonly discoveryUri: string;
  readonly audience: string;
  /** The public keys, as served at jwksUri. */
  readonly jwks: { readonly keys: readonly JWK[] };
  /** The private key, for a caller that keeps it (owner-only storage) and hands it back on restart. */
  readonly signingKey: IssuerSigningKey;
  /** A signed RS256 ID token. */
  mintToken(request: MintTokenRequest): Promise<string>;
  close(): Promise<void>;
}

/** Thrown when a handed signing key is not an RSA private key. */
export class IssuerSigningKeyError extends Error {
  override readonly name = 'IssuerSigningKeyError';
}

async function newSigningKey(): Promise<IssuerSigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { keyId: randomUUID(), privateJwk: await exportJWK(privateKey) };
}

/** The public half of an RSA private JWK: its modulus and exponent. */
function publicJwkOf(signingKey: IssuerSigningKey): JWK {
  const { kty, n, e, d } = signingKey.privateJwk;
  if (kty !== 'RSA' || !n || !e || !d) {
    throw new IssuerSigningKeyError(`signing key ${signingKey.keyId} is not an RSA private key`);
  }
  return { kty, n, e, kid: signingKey.keyId, alg: 'RS256', use: 'sig' };
}

export async function startLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const signingKey = options.signingKey ?? (await newSigningKey());
  const jwks = { keys: [publicJwkOf(signingKey)] };
  const privateKey = await importJWK(signingKey.privateJwk, 'RS256');
  const keyId = signingKey.keyId;
  const audience = options.audience ?? 'appsync-local';

  let issuer = '';
  const codeFlow = createAuthorizationCodeFlow({
    issuer: () => issuer,
    clientIds: [audience],
    signingKey: { privateKey, keyId },
    ...(options.teamClaim ? { teamClaim: options.teamClaim } : {}),
  });
  const documents = (): Record<string, unknown> => ({
    '/.well-known/jwks.json': jwks,
    '/.well-known/openid-configuration': {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'name', 'cognito:groups', 'aud', 'iss', 'exp', 'iat'],
      ...codeFlow.discovery(),
    },
  });
  const serveDocument = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const document = request.method === 'GET' ? documents()[path] : undefined;
    const body = JSON.stringify(document ?? { error: 'not_found' });
    response.writeHead(document ? 200 : 404, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'cache-control': 'max-age=300',
    });
    response.end(body);
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    codeFlow.handle(request, response).then(
      (handled) => handled || serveDocument(request, response),
      () => {
        // The flow answers its own errors; anything else tells the client nothing of the cause.
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'server_error' }));
      },
    );
  });
  const host = options.host ?? '127.0.0.1';
  issuer = `http://${host}:${await listen(server, options.port ?? 0, host)}`;

  return {
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    discoveryUri: `${issuer}/.well-known/openid-configuration`,
    audience,
    jwks,
    signingKey,
    async mintToken(request) {
      const now = Math.floor(Date.now() / 1000);
      const lifetime = request.expiresInSeconds ?? 3600;
      return new SignJWT({
        ...request.claims,
        ...(request.name === undefined ? {} : { name: request.name }),
        ...(request.groups === undefined ? {} : { 'cognito:groups': [...request.groups] }),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(request.sub)
        .setAudience(request.audience ?? audience)
        .setIssuedAt(lifetime < 0 ? now + lifetime - 60 : now)
        .setExpirationTime(now + lifetime)
        .setJti(randomUUID())
        .sign(privateKey);
    },
    close: () => closeServer(server),
  };
}
