/**
 * Keeps one board on screen and live. The subscription and the first read start together
 * (the read paints first); once the server acknowledges the subscription the board is read
 * again, so nothing published between the first read and the acknowledgement is missed.
 * Snapshots are applied by version, whatever order they come in. A dropped connection is
 * retried with backoff; each retry reloads config.json, so a rotated API key is picked up.
 */
import { classifyFailure, reconnectDelayMs, type ConnectionState } from '../view/connection.ts';
import { decideSnapshot, type BoardSnapshot } from '../view/snapshot.ts';
import type { BoardClient } from './board-client.ts';
import { BoardRequestError } from './board-client.ts';
import type { RequestFailure } from './request-error.ts';

export interface LiveBoardView {
  showState(state: ConnectionState): void;
  showError(message: string | undefined): void;
  showSnapshot(snapshot: BoardSnapshot): void;
  clear(): void;
}

/** A refused key is retried this rarely: a deploy may rotate it, but a wall screen should not hammer the API. */
const unauthorizedRetryMs = 60_000;

export class LiveBoard {
  private boardId = '';
  private shown: BoardSnapshot | undefined;
  /** Bumped on every (re)start: callbacks of an older attempt are ignored. */
  private attemptId = 0;
  private failures = 0;
  private endWatch: (() => void) | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private client: BoardClient,
    private readonly view: LiveBoardView,
    /** Gives the client to use for a retry: a new one when config.json changed. */
    private readonly refreshClient: (current: BoardClient) => Promise<BoardClient>,
  ) {}

  show(boardId: string): void {
    if (boardId !== this.boardId) {
      this.boardId = boardId;
      this.shown = undefined;
      this.view.clear();
      this.failures = 0;
    }
    this.start();
  }

  stop(): void {
    this.attemptId += 1;
    clearTimeout(this.retryTimer);
    this.endWatch?.();
    this.endWatch = undefined;
  }

  private start(): void {
    this.stop();
    const attempt = this.attemptId;
    const current = () => attempt === this.attemptId;
    this.view.showState(this.failures === 0 ? 'connecting' : 'reconnecting');
    const boardId = this.boardId;

    const read = () =>
      this.client.fetchBoard(boardId).then(
        (snapshot) => current() && this.apply(snapshot),
        (error: unknown) => current() && this.fail(attempt, failureOf(error)),
      );

    this.endWatch = this.client.watchBoard(boardId, {
      ready: () => {
        if (!current()) return;
        this.failures = 0;
        this.view.showError(undefined);
        this.view.showState('live');
        void read();
      },
      snapshot: (snapshot) => current() && this.apply(snapshot),
      failed: (failure) => current() && this.fail(attempt, failure),
    });
    void read();
  }

  private apply(snapshot: BoardSnapshot): void {
    if (decideSnapshot(this.shown, snapshot, this.boardId) !== 'show') return;
    this.shown = snapshot;
    this.view.showSnapshot(snapshot);
  }

  private fail(attempt: number, failure: RequestFailure): void {
    if (attempt !== this.attemptId) return;
    this.stop();
    this.failures += 1;
    const classified = classifyFailure(failure);
    const unauthorized = classified.kind === 'unauthorized';
    this.view.showState(unauthorized ? 'error' : 'reconnecting');
    this.view.showError(unauthorized || this.failures > 1 ? classified.message : undefined);
    const delay = unauthorized ? unauthorizedRetryMs : reconnectDelayMs(this.failures);
    const retryAttempt = this.attemptId;
    this.retryTimer = setTimeout(() => {
      void this.refreshClient(this.client)
        .then((client) => {
          if (retryAttempt !== this.attemptId) return;
          this.client = client;
          this.start();
        })
        .catch((error: unknown) => {
          if (retryAttempt !== this.attemptId) return;
          this.fail(retryAttempt, { message: (error as Error).message });
        });
    }, delay);
  }
}

function failureOf(error: unknown): RequestFailure {
  if (error instanceof BoardRequestError) return error.failure;
  return { message: error instanceof Error ? error.message : String(error) };
}
