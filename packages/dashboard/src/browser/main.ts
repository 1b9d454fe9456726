/** The dashboard page: loads config.json, then keeps the picked board live. */
import { pickerOptions, requestedBoard, requestedRows } from '../view/boards.ts';
import {
  configFileName,
  DashboardConfigError,
  parseDashboardConfig,
  type DashboardConfig,
} from '../view/config.ts';
import { requestedUser } from '../view/viewer.ts';
import { createBoardClient, type BoardClient } from './board-client.ts';
import { BoardView } from './board-view.ts';
import { LiveBoard } from './live-board.ts';

async function loadConfig(): Promise<DashboardConfig> {
  let response: Response;
  try {
    response = await fetch(new URL(configFileName, document.baseURI), { cache: 'no-store' });
  } catch (error) {
    throw new DashboardConfigError(`${configFileName} could not be loaded: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new DashboardConfigError(`${configFileName} could not be loaded: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DashboardConfigError(`${configFileName} is not valid JSON`);
  }
  return parseDashboardConfig(json);
}

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
  const options = pickerOptions({ nowMs: Date.now(), programs: config.programs, selected: boardId });

  const refreshClient = async (current: BoardClient): Promise<BoardClient> => {
    const latest = await loadConfig();
    if (sameEndpoint(latest, config)) return current;
    current.stop();
    config = latest;
    return createBoardClient(latest, rows);
  };
  const live = new LiveBoard(createBoardClient(config, rows), view, refreshClient);

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
