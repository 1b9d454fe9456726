/**
 * What the status line says: the connection's state, and the error that explains a refusal.
 * A refused API key or a bad config will not fix itself by reconnecting quickly, so those
 * are errors the screen shows plainly; a dropped socket is `reconnecting`.
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'error';

export const connectionLabels: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  error: 'Not connected',
};

export type FailureKind = 'unauthorized' | 'unreachable' | 'server';

export interface DashboardFailure {
  readonly kind: FailureKind;
  readonly message: string;
}

const unauthorizedPattern = /unauthori[sz]ed|forbidden|api key|apikey|\b401\b|\b403\b/i;
const unreachablePattern =
  /failed to fetch|networkerror|network error|load failed|connection (failed|handshake|closed|timeout)|socket/i;

/** Classifies what a request or the subscription failed with, from its message and error types. */
export function classifyFailure(details: {
  readonly message: string;
  readonly errorTypes?: readonly string[];
  readonly status?: number;
}): DashboardFailure {
  const text = [details.message, ...(details.errorTypes ?? [])].join(' ');
  if (details.status === 401 || details.status === 403 || unauthorizedPattern.test(text)) {
    return {
      kind: 'unauthorized',
      message:
        'The API key was refused. Check that config.json holds the current public API key for this stage.',
    };
  }
  if (unreachablePattern.test(text)) {
    return { kind: 'unreachable', message: `The leaderboard API cannot be reached (${details.message}).` };
  }
  return { kind: 'server', message: `The leaderboard API answered with an error: ${details.message}` };
}

/** Delay before reconnect attempt `attempt` (1-based): doubling from 1 s, capped, with jitter. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const capMs = 30_000;
  const base = Math.min(capMs, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}
