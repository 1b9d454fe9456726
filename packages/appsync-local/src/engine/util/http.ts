/** `util.http.*`: forwarding request headers and adding custom response headers. */

/** Headers AppSync never forwards (hop-by-hop, auth and AWS-internal ones). */
const restrictedHeaders = new Set([
  'authorization',
  'connection',
  'content-length',
  'cookie',
  'expect',
  'host',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'x-api-key',
  'x-forwarded-for',
]);

const isRestricted = (name: string): boolean => {
  const lower = name.toLowerCase();
  return restrictedHeaders.has(lower) || lower.startsWith('x-amz-') || lower.startsWith('x-amzn-');
};

export function copyHeaders(headers: unknown): Record<string, unknown> {
  if (typeof headers !== 'object' || headers === null) return {};
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isRestricted(name)));
}

export class ResponseHeaderError extends TypeError {
  override readonly name = 'ResponseHeaderError';
}

export function addResponseHeader(target: Record<string, string>, name: unknown, value: unknown): void {
  const headerName = String(name);
  if (isRestricted(headerName))
    throw new ResponseHeaderError(`response header "${headerName}" is restricted`);
  target[headerName] = typeof value === 'string' ? value : JSON.stringify(value);
}
