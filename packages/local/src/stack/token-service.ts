import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { serviceConfig } from '@leaderboard/core/config';
import type { LocalIssuer, MintTokenRequest } from 'appsync-local/issuer';
import { closeServer, listen } from 'appsync-local/net';

/**
 * Lets other processes on this machine (`pnpm issue-token`, `pnpm simulate`) get user tokens from
 * the running stack's issuer, the way a sign-in would give them in the cloud:
 * `POST /tokens {sub, name?, groups?, team?, expiresInSeconds?}` with the stack's secret as a
 * bearer token (it is in `.local/stack.json`, readable by the owner only).
 */
export interface TokenService {
  readonly url: string;
  readonly secret: string;
  close(): Promise<void>;
}

const maxBodyBytes = 16 * 1024;

export async function startTokenService(issuer: LocalIssuer): Promise<TokenService> {
  const secret = randomBytes(24).toString('base64url');
  const expected = Buffer.from(`Bearer ${secret}`);
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply(401, { error: 'a valid bearer secret is required' });
    }
    if (request.method !== 'POST' || request.url !== '/tokens') return reply(404, { error: 'POST /tokens' });
    readJson(request)
      .then(async (body) => reply(200, { token: await issuer.mintToken(toMintRequest(body)) }))
      .catch((error: unknown) => reply(400, { error: (error as Error).message }));
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, secret, close: () => closeServer(server) };
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.length > maxBodyBytes) reject(new Error('request body too large'));
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('the body must be JSON'));
      }
    });
    request.on('error', reject);
  });
}

function toMintRequest(body: unknown): MintTokenRequest {
  const { sub, name, groups, team, expiresInSeconds } = (body ?? {}) as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.trim() === '') throw new Error('"sub" (the user id) is required');
  if (name !== undefined && typeof name !== 'string') throw new Error('"name" must be a string');
  if (groups !== undefined && (!Array.isArray(groups) || groups.some((group) => typeof group !== 'string'))) {
    throw new Error('"groups" must be a list of strings');
  }
  if (team !== undefined && typeof team !== 'string') throw new Error('"team" must be a string');
  if (expiresInSeconds !== undefined && typeof expiresInSeconds !== 'number') {
    throw new Error('"expiresInSeconds" must be a number');
  }
  return {
    sub,
    ...(name === undefined ? {} : { name }),
    ...(groups === undefined ? {} : { groups: groups as string[] }),
    ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
    // In the claim a user pool's custom attribute would fill, which the authorizer reads.
    ...(team === undefined ? {} : { claims: { [serviceConfig.teamClaim]: team } }),
  };
}
