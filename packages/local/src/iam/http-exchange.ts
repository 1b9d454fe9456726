/** The HTTP side of the gateway: reading a request whole, and passing it on to an emulator. */
import {
  request as httpRequest,
  type Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { RequestTooLargeError } from './errors.ts';

/** Above DynamoDB's largest request (a 16 MB BatchWriteItem) and SQS's (1 MiB). */
const maxBodyBytes = 20 * 1024 * 1024;

/** Headers that describe one connection, not the request: never passed between client and emulator. */
const hopByHopHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
]);

/**
 * Sends the request, with the body already read, to `target` unchanged and streams the answer
 * back; `onUnreachable` answers instead when the target fails before it answers.
 */
export function forward(
  request: IncomingMessage,
  body: Buffer,
  target: URL,
  response: ServerResponse,
  agent: Agent,
  onUnreachable: (error: Error) => void,
): void {
  const upstream = httpRequest(
    {
      hostname: target.hostname,
      port: target.port,
      method: request.method,
      path: request.url,
      headers: withoutHopByHop(request.headers),
      agent,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(response);
    },
  );
  upstream.on('error', (error) => {
    if (response.headersSent) response.destroy(error);
    else onUnreachable(error);
  });
  upstream.end(body);
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(new RequestTooLargeError(maxBodyBytes));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return flat;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHopHeaders.has(name)) kept[name] = value;
  }
  return kept;
}

export function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
