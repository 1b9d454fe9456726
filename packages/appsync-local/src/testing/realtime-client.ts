/** A raw AppSync real-time client for tests: it speaks the protocol message by message. */
import { WebSocket, type ClientOptions } from 'ws';

export interface RealtimeMessage {
  readonly type: string;
  readonly id?: string;
  readonly payload?: Record<string, unknown> & {
    data?: Record<string, unknown>;
    errors?: Record<string, unknown>[];
    connectionTimeoutMs?: number;
  };
}

/** Collects every message; `waitFor` and friends wait (bounded) for the next that matches. */
export class RealtimeTestClient {
  readonly messages: RealtimeMessage[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as RealtimeMessage);
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Opens with auth headers in a `header-<base64url>` subprotocol, or in the `header` query parameter. */
  static async connect(
    realtimeUrl: string,
    authHeaders: Record<string, string>,
    form: 'subprotocol' | 'query' = 'subprotocol',
    options: ClientOptions = {},
  ): Promise<RealtimeTestClient> {
    const json = JSON.stringify(authHeaders);
    const socket =
      form === 'subprotocol'
        ? new WebSocket(
            realtimeUrl,
            ['graphql-ws', `header-${Buffer.from(json).toString('base64url')}`],
            options,
          )
        : new WebSocket(
            `${realtimeUrl}?header=${encodeURIComponent(Buffer.from(json).toString('base64'))}&payload=e30=`,
            ['graphql-ws'],
            options,
          );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RealtimeTestClient(socket);
  }

  send(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Waits (bounded) for the first message after `from` that matches. */
  async waitFor(
    match: (message: RealtimeMessage) => boolean,
    timeoutMs = 5000,
    from = 0,
  ): Promise<RealtimeMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed; messages: ${JSON.stringify(this.messages)}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits (bounded) for the server to close the socket. */
  async waitClosed(timeoutMs = 5000): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async init(): Promise<RealtimeMessage> {
    this.send({ type: 'connection_init' });
    return this.waitFor(
      (message) => message.type === 'connection_ack' || message.type === 'connection_error',
    );
  }

  /** Sends `start` and waits for its start_ack or error. */
  async start(
    id: string,
    request: { query: string; variables?: Record<string, unknown> },
    authorization: Record<string, string>,
  ): Promise<RealtimeMessage> {
    this.send({
      id,
      type: 'start',
      payload: { data: JSON.stringify(request), extensions: { authorization } },
    });
    return this.waitFor(
      (message) => message.id === id && (message.type === 'start_ack' || message.type === 'error'),
    );
  }

  dataFor(id: string): RealtimeMessage[] {
    return this.messages.filter((message) => message.id === id && message.type === 'data');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
