/**
 * Serves a built dashboard directory on 127.0.0.1 for the local runtime. Hand-written because
 * it serves a handful of files from one flat directory; a static-file library would add more
 * surface than it saves.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface DashboardServerOptions {
  /** A directory built by `buildDashboard`, holding index.html and config.json. */
  readonly siteDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Serve HTTPS with this key and certificate (PEM), e.g. the API's, so the page may reach an HTTPS API. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface DashboardServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Hashed files (bundles, favicon) never change under one name; the page and its config must be re-read. */
const cacheControlFor = (file: string): string =>
  /-[A-Z0-9]{8}\.(js|css|svg)(\.map)?$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const root = resolve(options.siteDir);

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      reply(response, 405, 'Method not allowed\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      reply(response, 400, 'Bad request\n');
      return;
    }
    const relativePath = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const file = normalize(join(root, relativePath));
    if (file !== root && !file.startsWith(`${root}${sep}`)) {
      reply(response, 404, 'Not found\n');
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': cacheControlFor(file),
          'x-content-type-options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'EISDIR') reply(response, 404, 'Not found\n');
        else reply(response, 500, `Could not read ${pathname}\n`);
      },
    );
  };

  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the dashboard server has no port');
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
