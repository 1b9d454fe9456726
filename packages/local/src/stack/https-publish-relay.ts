import { createServer, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { closeServer, listen } from 'appsync-local/net';

/**
 * With `--https` the API has a self-signed certificate, which Node's `fetch` in the
 * rebuilder cannot be told to trust once the process runs (`NODE_EXTRA_CA_CERTS` is read at
 * start-up only). The rebuilder is linked to this loopback relay instead, which forwards
 * each request unchanged (the Host header included, so SigV4 signatures still verify) to the
 * HTTPS API, trusting exactly that certificate.
 */
export interface HttpsPublishRelay {
  /** The GraphQL URL to give the rebuilder. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startHttpsPublishRelay(
  apiUrl: string,
  certificate: string,
): Promise<HttpsPublishRelay> {
  const target = new URL(apiUrl);
  const server: Server = createServer((incoming: IncomingMessage, outgoing) => {
    const forward = httpsRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
        ca: certificate,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forward.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ errors: [{ errorType: 'BadGateway', message: error.message }] }));
    });
    incoming.pipe(forward);
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}${target.pathname}`, close: () => closeServer(server) };
}
