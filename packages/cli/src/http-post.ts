/**
 * A JSON POST over HTTP or HTTPS. Node's fetch cannot be told to trust one more certificate
 * without the undici package (NODE_EXTRA_CA_CERTS is read only at start-up), while node:https
 * takes a `ca` per request: so the commands trust a local stack's self-signed certificate here.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export function postJson(
  url: string,
  body: unknown,
  headers: Readonly<Record<string, string>>,
  certificate?: string,
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  const options = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
  };
  return new Promise((resolve, reject) => {
    const onResponse = (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    };
    const outgoing = url.startsWith('https:')
      ? httpsRequest(url, { ...options, ...(certificate ? { ca: certificate } : {}) }, onResponse)
      : httpRequest(url, options, onResponse);
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
