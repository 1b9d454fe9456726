/** The boards the page can place the caller on: all time, the current time windows, the programs. */
import { globalBoardId, programBoardId, timeWindows, windowBoardId } from '@leaderboard/core/boards';

export interface StandingBoard {
  readonly boardId: string;
  readonly label: string;
}

export function standingBoards(
  nowMs: number,
  programs: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): StandingBoard[] {
  return [
    { boardId: globalBoardId, label: 'All time' },
    ...timeWindows.map((window) => ({
      boardId: windowBoardId(window, nowMs),
      label: `This ${window.name}`,
    })),
    ...programs.map((program) => ({ boardId: programBoardId(program.id), label: program.name })),
  ];
}
