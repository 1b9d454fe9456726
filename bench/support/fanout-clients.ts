/**
 * Subscribers for the fan-out benchmark, in a process of their own: `count` WebSocket clients,
 * either on the AppSync real-time protocol (`appsync`, subscribed to one board with the API key)
 * or on a bare broadcast server (`raw`). Prints `ready` once every one is subscribed; each line
 * on stdin `report` prints every receipt as JSON (`[version, epoch ms]` pairs) and exits.
 */
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';

interface ClientsRequest {
  readonly mode: 'appsync' | 'raw';
  readonly url: string;
  readonly count: number;
  readonly apiKey?: string;
  readonly host?: string;
  readonly boardId?: string;
}

const request = JSON.parse(process.argv[2]!) as ClientsRequest;
const receipts: Array<[number, number]> = [];
const subscription = `subscription Board($boardId: ID) {
  onLeaderboardChanged(boardId: $boardId) { boardId version entries { rank userId displayName score } }
}`;

function versionOf(data: string): number {
  return Number(/"version":(\d+)/.exec(data)?.[1] ?? -1);
}

function appsyncClient(): Promise<WebSocket> {
  const auth = { 'x-api-key': request.apiKey, host: request.host };
  const header = Buffer.from(JSON.stringify(auth)).toString('base64url');
  const socket = new WebSocket(request.url, ['graphql-ws', `header-${header}`]);
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"type":"data"')) {
        receipts.push([versionOf(text), Date.now()]);
        return;
      }
      const message = JSON.parse(text) as { type: string };
      if (message.type === 'connection_ack') {
        const data = JSON.stringify({ query: subscription, variables: { boardId: request.boardId } });
        socket.send(
          JSON.stringify({ id: 's', type: 'start', payload: { data, extensions: { authorization: auth } } }),
        );
      } else if (message.type === 'start_ack') resolve(socket);
      else if (message.type === 'error' || message.type === 'connection_error') reject(new Error(text));
    });
  });
}

function rawClient(): Promise<WebSocket> {
  const socket = new WebSocket(request.url);
  socket.on('message', (raw) => receipts.push([versionOf(raw.toString()), Date.now()]));
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => resolve(socket));
  });
}

const sockets: WebSocket[] = [];
// Connect in groups: a thousand handshakes at once would measure the server's accept backlog.
for (let start = 0; start < request.count; start += 50) {
  const group = Math.min(50, request.count - start);
  sockets.push(
    ...(await Promise.all(Array.from({ length: group }, request.mode === 'raw' ? rawClient : appsyncClient))),
  );
}
process.stdout.write('ready\n');
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'report') return;
  for (const socket of sockets) socket.terminate();
  // Exit only once the whole line is written: a pipe takes a large write in several goes.
  process.stdout.write(`${JSON.stringify(receipts)}\n`, () => process.exit(0));
});
