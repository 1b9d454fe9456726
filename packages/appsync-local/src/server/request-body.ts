/**
 * A GraphQL request as it arrives over HTTP: its body read up to the size limit, its JSON
 * fields checked as AppSync checks them, and its headers as the authenticator reads them.
 */
import type { IncomingMessage } from 'node:http';
import { MalformedRequestError, RequestRefusedError } from './errors.ts';

/** AppSync's request body limit is not documented per se; 1 MB mirrors its response limit. */
const maxRequestBytes = 1024 * 1024;

class RequestTooLargeError extends RequestRefusedError {
  constructor() {
    super(413, 'PayloadTooLargeException', `The request body exceeds ${maxRequestBytes} bytes.`);
  }
}

export interface GraphQLRequestBody {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | null;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > maxRequestBytes) return;
      size += chunk.length;
      if (size > maxRequestBytes) {
        // The rest is read and dropped rather than the socket destroyed: the client gets its 413.
        chunks.length = 0;
        reject(new RequestTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The request's headers, names lower-cased and repeated values joined with commas. */
export function requestHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

export function parseRequestBody(text: string): GraphQLRequestBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new MalformedRequestError('Unable to parse the JSON document.');
  }
  if (typeof body !== 'object' || body === null)
    throw new MalformedRequestError('The request body must be a JSON object.');
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '')
    throw new MalformedRequestError('The request has no query.');
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    throw new MalformedRequestError('variables must be a JSON object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw new MalformedRequestError('operationName must be a string.');
  }
  return {
    query,
    variables: (variables ?? {}) as Record<string, unknown>,
    operationName: (operationName as string | null | undefined) ?? null,
  };
}
