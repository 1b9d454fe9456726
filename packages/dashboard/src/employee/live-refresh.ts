/**
 * Keeps the page current while boards change: subscribes to each board's snapshots (the picked
 * board, and its team board for a user in a team) and asks for a re-read once every subscription
 * is acknowledged (catching up on anything published before) and on each new snapshot. A dropped connection is retried with backoff; a refused token is not
 * retried (the page asks the user to sign in again).
 */
import { reconnectDelayMs, type ConnectionState } from '../view/connection.ts';
import type { EmployeeClient } from './employee-client.ts';
import type { RequestFailure } from '../browser/request-error.ts';

export interface LiveRefreshOptions {
  readonly client: EmployeeClient;
  readonly refresh: () => void;
  readonly showState: (state: ConnectionState) => void;
  /** The API refused the user's token. */
  readonly refused: (failure: RequestFailure) => void;
}

const isRefusal = (failure: RequestFailure): boolean =>
  failure.status === 401 ||
  failure.status === 403 ||
  (failure.errorTypes ?? []).some((type) => /unauthori[sz]ed/i.test(type));

export class LiveRefresh {
  private boardIds: readonly string[] = [];
  private failures = 0;
  private attempt = 0;
  private endWatches: Array<() => void> = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveRefreshOptions) {}

  follow(boardIds: readonly string[]): void {
    this.boardIds = boardIds;
    this.failures = 0;
    this.start();
  }

  stop(): void {
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    for (const end of this.endWatches) end();
    this.endWatches = [];
  }

  private start(): void {
    this.stop();
    const attempt = this.attempt;
    const current = () => attempt === this.attempt;
    let waiting = this.boardIds.length;
    this.options.showState(this.failures === 0 ? 'connecting' : 'reconnecting');
    this.endWatches = this.boardIds.map((boardId) =>
      this.options.client.watchBoard(boardId, {
        ready: () => {
          waiting -= 1;
          if (!current() || waiting > 0) return;
          this.failures = 0;
          this.options.showState('live');
          this.options.refresh();
        },
        changed: () => current() && this.options.refresh(),
        failed: (failure) => current() && this.fail(failure),
      }),
    );
  }

  private fail(failure: RequestFailure): void {
    this.stop();
    if (isRefusal(failure)) {
      this.options.showState('error');
      this.options.refused(failure);
      return;
    }
    this.failures += 1;
    this.options.showState('reconnecting');
    this.retryTimer = setTimeout(() => this.start(), reconnectDelayMs(this.failures));
  }
}
