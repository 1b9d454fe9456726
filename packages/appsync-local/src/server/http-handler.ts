/**
 * The HTTP side of the API: CORS preflight, the one route (`POST <graphqlPath>`), the request
 * authenticated and its operation run, and each outcome answered in AppSync's shape (a refusal
 * with its status, a timeout as an `ExecutionTimeout` error, anything else as an internal failure).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { internalFailure, RequestRefusedError } from './errors.ts';
import type { ServerLog } from './log.ts';
import { parseRequestBody, readBody, requestHeaders } from './request-body.ts';
import { ExecutionTimeoutError, runOperation } from './run-operation.ts';
import { type ApiParts, graphqlPath } from './server-options.ts';

const corsHeaders: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'content-type, x-api-key, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256',
  'access-control-max-age': '86400',
};

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...corsHeaders,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function sendRefusal(response: ServerResponse, refusal: RequestRefusedError, requestId: string): void {
  send(
    response,
    refusal.httpStatus,
    { errors: [refusal.toResponseError()] },
    {
      'x-amzn-errortype': refusal.errorType,
      'x-amzn-requestid': requestId,
    },
  );
}

/** The server's request listener. */
export function createHttpHandler(
  parts: ApiParts,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = randomUUID();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      response.end();
      return;
    }
    if (path !== graphqlPath || request.method !== 'POST') {
      send(response, 404, {
        errors: [{ errorType: 'NotFoundException', message: `No route for ${request.method} ${path}.` }],
      });
      return;
    }
    serveGraphQL(parts, request, url, response, requestId).catch((error: unknown) =>
      answerFailure(parts.log, response, requestId, error),
    );
  };
}

async function serveGraphQL(
  parts: ApiParts,
  request: IncomingMessage,
  url: URL,
  response: ServerResponse,
  requestId: string,
): Promise<void> {
  const text = await readBody(request);
  const body = parseRequestBody(text);
  const headers = requestHeaders(request);
  const caller = await parts.authenticator.authenticate({
    method: request.method ?? 'POST',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: text,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    queryString: body.query,
    ...(body.operationName ? { operationName: body.operationName } : {}),
    variables: body.variables,
  });
  const result = await runOperation(parts, body, caller, headers, requestId);
  send(response, 200, result, { 'x-amzn-requestid': requestId });
}

function answerFailure(log: ServerLog, response: ServerResponse, requestId: string, error: unknown): void {
  if (error instanceof RequestRefusedError) {
    log.debug('graphql.refused', { requestId, errorType: error.errorType, message: error.message });
    sendRefusal(response, error, requestId);
    return;
  }
  if (error instanceof ExecutionTimeoutError) {
    log.error('graphql.timeout', error, { requestId });
    send(response, 200, {
      data: null,
      errors: [{ errorType: 'ExecutionTimeout', message: error.message }],
    });
    return;
  }
  log.error('graphql.failure', error, { requestId });
  send(response, 500, { errors: [internalFailure] });
}
