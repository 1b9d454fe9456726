/**
 * The controller that keeps a board live, driven through a scripted board client: the client
 * stands in for Apollo and the network (its own behaviour is covered by the browser test).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardClient, BoardWatchHandlers } from '../../src/browser/board-client.ts';
import { BoardRequestError } from '../../src/browser/board-client.ts';
import { LiveBoard, type LiveBoardView } from '../../src/browser/live-board.ts';
import type { PickerProgram } from '../../src/view/boards.ts';
import type { ConnectionState } from '../../src/view/connection.ts';
import type { BoardSnapshot } from '../../src/view/snapshot.ts';

const snapshot = (version: number, boardId = 'global'): BoardSnapshot => ({
  boardId,
  version,
  asOf: '2026-11-20T10:00:00.000Z',
  entries: [{ rank: 1, previousRank: null, userId: `leader-${version}`, displayName: null, score: version }],
});

class ScriptedClient implements BoardClient {
  readonly reads: Array<{
    boardId: string;
    resolve: (s: BoardSnapshot) => void;
    reject: (e: unknown) => void;
  }> = [];
  readonly watches: Array<{ boardId: string; handlers: BoardWatchHandlers; ended: boolean }> = [];
  fetchBoard(boardId: string): Promise<BoardSnapshot> {
    return new Promise((resolve, reject) => this.reads.push({ boardId, resolve, reject }));
  }
  fetchPrograms(): Promise<PickerProgram[]> {
    return Promise.resolve([]);
  }
  watchBoard(boardId: string, handlers: BoardWatchHandlers): () => void {
    const watch = { boardId, handlers, ended: false };
    this.watches.push(watch);
    return () => (watch.ended = true);
  }
  stop(): void {}
  get lastWatch() {
    return this.watches.at(-1)!;
  }
}

class RecordingView implements LiveBoardView {
  states: ConnectionState[] = [];
  error: string | undefined;
  shown: number[] = [];
  showState(state: ConnectionState) {
    this.states.push(state);
  }
  showError(message: string | undefined) {
    this.error = message;
  }
  showSnapshot(s: BoardSnapshot) {
    this.shown.push(s.version);
  }
  clear() {
    this.shown = [];
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let client: ScriptedClient;
let view: RecordingView;
let live: LiveBoard;
let refreshes: number;

beforeEach(() => {
  client = new ScriptedClient();
  view = new RecordingView();
  refreshes = 0;
  live = new LiveBoard(client, view, async (current) => {
    refreshes += 1;
    return current;
  });
});

afterEach(() => {
  live.stop();
  vi.useRealTimers();
});

describe('LiveBoard', () => {
  it('paints the first read, goes live on the acknowledgement and reads again to catch up', async () => {
    live.show('global');
    expect(view.states).toEqual(['connecting']);
    client.reads[0]!.resolve(snapshot(3));
    await settle();
    expect(view.shown).toEqual([3]);

    client.lastWatch.handlers.ready();
    expect(view.states.at(-1)).toBe('live');
    expect(client.reads).toHaveLength(2);
    client.reads[1]!.resolve(snapshot(4));
    await settle();
    expect(view.shown).toEqual([3, 4]);
  });

  it('ignores a read that answers after a newer event', async () => {
    live.show('global');
    client.lastWatch.handlers.ready();
    client.lastWatch.handlers.snapshot(snapshot(7));
    client.reads[0]!.resolve(snapshot(5));
    client.reads[1]!.resolve(snapshot(7));
    await settle();
    client.lastWatch.handlers.snapshot(snapshot(6));
    client.lastWatch.handlers.snapshot(snapshot(8));
    expect(view.shown).toEqual([7, 8]);
  });

  it('drops events of the board it switched away from', async () => {
    live.show('global');
    const oldWatch = client.lastWatch;
    live.show('program:p1');
    expect(oldWatch.ended).toBe(true);
    oldWatch.handlers.snapshot(snapshot(9));
    client.reads[0]!.resolve(snapshot(9));
    client.reads[1]!.resolve(snapshot(2, 'program:p1'));
    await settle();
    expect(view.shown).toEqual([2]);
  });

  it('reconnects with backoff after a dropped connection, reloading its config', async () => {
    vi.useFakeTimers();
    live.show('global');
    client.lastWatch.handlers.ready();
    client.lastWatch.handlers.failed({ message: 'Connection closed' });
    expect(view.states.at(-1)).toBe('reconnecting');
    expect(view.error).toBeUndefined();
    expect(client.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refreshes).toBe(1);
    expect(client.watches).toHaveLength(2);
    expect(view.states.at(-1)).toBe('reconnecting');
    client.lastWatch.handlers.ready();
    expect(view.states.at(-1)).toBe('live');
  });

  it('shows a refused key as an error and retries only rarely', async () => {
    vi.useFakeTimers();
    live.show('global');
    client.reads[0]!.reject(new BoardRequestError({ message: 'Unauthorized', status: 401 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(view.states.at(-1)).toBe('error');
    expect(view.error).toMatch(/API key was refused/);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(client.watches).toHaveLength(2);
  });
});
