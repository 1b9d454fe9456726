/**
 * The WebSocket handshake: the authorization a client sends with its upgrade (the `header`
 * query parameter, base64 JSON, or a `header-<base64url>` subprotocol; `payload` as the body),
 * checked by the same authenticator as `POST /graphql`, and how a refused connection is told.
 */
import type { IncomingMessage } from 'node:http';
import type { Authenticator } from '../auth/authenticator.ts';
import type { AuthorizedCaller } from '../auth/modes.ts';
import { internalFailure, RequestRefusedError } from '../errors.ts';
import type { ServerLog } from '../log.ts';
import type { RealtimeConnection } from './connection.ts';

export interface HandshakeDependencies {
  readonly graphqlPath: string;
  readonly authenticator: Authenticator;
  readonly log: ServerLog;
}

class HandshakeHeaderError extends Error {
  constructor() {
    super('the header query parameter or header- subprotocol is not base64 encoded JSON');
    this.name = 'HandshakeHeaderError';
  }
}

/** The string-valued headers of an object, their names lower-cased as the authenticator reads them. */
export const lowerCaseHeaders = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name.toLowerCase(), value]] : [],
    ),
  );

function decodeHeaderObject(encoded: string, encoding: 'base64' | 'base64url'): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, encoding).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new HandshakeHeaderError();
    return lowerCaseHeaders(parsed as Record<string, unknown>);
  } catch {
    throw new HandshakeHeaderError();
  }
}

/** The subprotocols an upgrade request offers. */
export function offeredProtocols(request: IncomingMessage): string[] {
  return String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim());
}

/** The handshake's authorization headers: a `header-` subprotocol wins over the `header` parameter. */
function handshakeHeaders(url: URL, protocols: readonly string[]): Record<string, string> {
  const fromProtocol = protocols.find((protocol) => protocol.startsWith('header-'));
  if (fromProtocol) return decodeHeaderObject(fromProtocol.slice('header-'.length), 'base64url');
  const headerParameter = url.searchParams.get('header');
  return headerParameter ? decodeHeaderObject(headerParameter, 'base64') : {};
}

/**
 * The caller a handshake speaks for, or why it is refused; a refused connection is still
 * accepted so that its client can be told why over the socket.
 */
export async function authenticateHandshake(
  dependencies: HandshakeDependencies,
  url: URL,
  protocols: readonly string[],
  sourceIp: string,
): Promise<AuthorizedCaller | RequestRefusedError> {
  try {
    const headers = handshakeHeaders(url, protocols);
    const payloadParameter = url.searchParams.get('payload');
    const body = payloadParameter ? Buffer.from(payloadParameter, 'base64').toString('utf8') : '{}';
    return await dependencies.authenticator.authenticate({
      method: 'POST',
      path: `${dependencies.graphqlPath}/connect`,
      headers,
      body,
      sourceIp,
      queryString: '',
      variables: {},
    });
  } catch (error) {
    if (error instanceof RequestRefusedError) return error;
    if (error instanceof HandshakeHeaderError)
      return new RequestRefusedError(400, 'BadRequestException', error.message);
    dependencies.log.error('realtime.connect', error);
    return new RequestRefusedError(500, internalFailure.errorType, internalFailure.message);
  }
}

/** Refuses a connection whose handshake authorization failed, as AppSync does. */
export function refuseConnection(connection: RealtimeConnection, refusal: RequestRefusedError): void {
  connection.socket.send(
    JSON.stringify({
      type: 'connection_error',
      payload: {
        errors: [{ errorType: refusal.errorType, message: refusal.message, errorCode: refusal.httpStatus }],
      },
    }),
  );
  connection.socket.close(1000);
}
