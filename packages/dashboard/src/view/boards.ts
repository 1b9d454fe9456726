/** The boards a screen can pick, and the board a `?board=` address asks for. */
import { globalBoardId, parseBoardId, programBoardId, weekBoardId } from '@leaderboard/core/boards';

export interface BoardOption {
  readonly boardId: string;
  readonly label: string;
}

export function boardOptions(
  nowMs: number,
  programs: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): BoardOption[] {
  const week = weekBoardId(nowMs);
  return [
    { boardId: globalBoardId, label: 'All time' },
    { boardId: week, label: `This week (${week.slice('week:'.length)})` },
    ...programs.map((program) => ({
      boardId: programBoardId(program.id),
      label: `Program: ${program.name}`,
    })),
  ];
}

/** The requested board when it is a valid board id, else `global`. */
export function requestedBoard(search: string): string {
  const requested = new URLSearchParams(search).get('board');
  if (requested === null || !parseBoardId(requested).ok) return globalBoardId;
  return requested;
}

/** Options with `boardId` included, so a board asked for by address is also in the picker. */
export function withBoard(options: readonly BoardOption[], boardId: string): BoardOption[] {
  if (options.some((option) => option.boardId === boardId)) return [...options];
  const label = boardId.startsWith('program:')
    ? `Program: ${boardId.slice('program:'.length)}`
    : boardId.startsWith('week:')
      ? `Week ${boardId.slice('week:'.length)}`
      : boardId;
  return [...options, { boardId, label }];
}

/** Rows a screen shows: `?rows=` from 1 to `maxRows`, else `defaultRows`. */
export const defaultRows = 25;
export const maxRows = 100;

export function requestedRows(search: string): number {
  const text = new URLSearchParams(search).get('rows');
  if (text === null || !/^\d{1,3}$/.test(text)) return defaultRows;
  const rows = Number(text);
  return rows >= 1 && rows <= maxRows ? rows : defaultRows;
}
