/** The dashboard page: loads config.json, then keeps the picked board live. */
import { pickerOptions, requestedBoard, requestedRows } from '../view/boards.ts';
import type { DashboardConfig } from '../view/config.ts';
import { requestedUser } from '../view/viewer.ts';
import { createBoardClient, type BoardClient } from './board-client.ts';
import { BoardView } from './board-view.ts';
import { LiveBoard } from './live-board.ts';
import { loadConfig } from './load-config.ts';

const sameEndpoint = (a: DashboardConfig, b: DashboardConfig) =>
  a.graphqlUrl === b.graphqlUrl && a.apiKey === b.apiKey && a.region === b.region;

async function main(): Promise<void> {
  const rows = requestedRows(location.search);
  const view = new BoardView({ rowLimit: rows, ownUserId: requestedUser(location.search) });
  let config: DashboardConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    view.showState('error');
    view.showError((error as Error).message);
    return;
  }
  view.showEndpoint(config.realtimeUrl);

  let boardId = requestedBoard(location.search);

  const refreshClient = async (current: BoardClient): Promise<BoardClient> => {
    const latest = await loadConfig();
    if (sameEndpoint(latest, config)) return current;
    current.stop();
    config = latest;
    return createBoardClient(latest, rows);
  };
  const client = createBoardClient(config, rows);
  // A screen without the program list still shows its board; a refused key shows on the board's read.
  const programs = await client.fetchPrograms().catch(() => []);
  const options = pickerOptions({ nowMs: Date.now(), programs, selected: boardId });
  const live = new LiveBoard(client, view, refreshClient);

  view.showOptions(options, boardId, (picked) => {
    boardId = picked;
    const url = new URL(location.href);
    url.searchParams.set('board', picked);
    history.replaceState(null, '', url);
    view.setCaption(options, picked);
    live.show(picked);
  });
  live.show(boardId);
}

void main();
