/**
 * The local AppSync API: `POST <graphqlPath>` (GraphQL over HTTP, as AppSync serves it) and
 * the real-time WebSocket endpoint on `<graphqlPath>/realtime`, on one port, over HTTP or
 * HTTPS/WSS with a self-signed certificate.
 *
 *   const api = await startLocalApi({ schemaSdl, engine, auth: { defaultMode: 'AWS_LAMBDA', ... } });
 *   api.url          // http://127.0.0.1:<port>/graphql
 *   api.realtimeUrl  // ws://127.0.0.1:<port>/graphql/realtime
 *   await api.close();
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { closeServer, listen } from '../net/server-lifecycle.ts';
import { createLocalCertificate } from './certificate.ts';
import { createHttpHandler } from './http-handler.ts';
import type { RealtimeServer } from './realtime/realtime-server.ts';
import { apiPartsFrom, graphqlPath, type LocalApiOptions } from './server-options.ts';

export interface LocalApi {
  /** e.g. `http://127.0.0.1:4321/graphql` */
  readonly url: string;
  /** e.g. `ws://127.0.0.1:4321/graphql/realtime` */
  readonly realtimeUrl: string;
  readonly port: number;
  /** PEM of the self-signed certificate when serving HTTPS (clients in tests trust it explicitly). */
  readonly certificate?: string;
  /** Active subscriptions over all real-time connections. */
  subscriptionCount(): number;
  /** How often the Lambda authorizer actually ran (results are cached per token). */
  authorizerInvocations(): number;
  close(): Promise<void>;
}

/** An HTTP server, or an HTTPS one with the given certificate or a self-signed one made now. */
async function createServer(
  https: boolean | { readonly key: string; readonly cert: string },
  onRequest: ReturnType<typeof createHttpHandler>,
): Promise<{ server: Server; certificate?: string }> {
  if (!https) return { server: createHttpServer(onRequest) };
  const generated = https === true ? await createLocalCertificate() : https;
  return {
    server: createHttpsServer({ key: generated.key, cert: generated.cert }, onRequest),
    certificate: generated.cert,
  };
}

/** Upgrades on the real-time path go to the real-time server; any other upgrade is dropped. */
function routeUpgrades(server: Server, realtime: RealtimeServer): void {
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === realtime.realtimePath) realtime.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
}

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const parts = apiPartsFrom(options);
  const { log, authenticator, realtime } = parts;
  const { server, certificate } = await createServer(options.https ?? false, createHttpHandler(parts));
  routeUpgrades(server, realtime);

  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const origin = `${options.https ? 'https' : 'http'}://${host}:${port}`;
  const url = `${origin}${graphqlPath}`;
  const realtimeUrl = `${options.https ? 'wss' : 'ws'}://${host}:${port}${realtime.realtimePath}`;
  log.info('api.started', {
    url,
    realtimeUrl,
    defaultMode: options.auth.defaultMode,
    modes: [...authenticator.modes],
    https: Boolean(options.https),
  });

  return {
    url,
    realtimeUrl,
    port,
    ...(certificate ? { certificate } : {}),
    subscriptionCount: () => realtime.subscriptionCount,
    authorizerInvocations: () => authenticator.lambda?.invocations ?? 0,
    async close() {
      await realtime.close();
      await closeServer(server);
      log.info('api.stopped', { url });
    },
  };
}
