/**
 * The boards a screen can pick, and the board a `?board=` address asks for. `pickerOptions`
 * is the one place the picker's list is assembled: a new source of boards (programs read
 * from the API, team boards) is a new field of `PickerSources` and a line there.
 */
import { isTeamBoardId, teamBoardId, userBoardOfTeamBoard } from '@leaderboard/core/boards';
import type { ProgramStatus } from '@leaderboard/core/generated/schema';

const programStatusOrder: readonly ProgramStatus[] = ['ACTIVE', 'UPCOMING', 'ENDED'];
const programStatusNote: Readonly<Record<ProgramStatus, string>> = {
  ACTIVE: '',
  UPCOMING: ' (upcoming)',
  ENDED: ' (ended)',
};
import {
  globalBoardId,
  parseBoardId,
  programBoardId,
  timeWindows,
  windowBoardId,
} from '@leaderboard/core/boards';

export type BoardGroup = 'Boards' | 'Programs' | 'Teams';

export interface BoardOption {
  readonly boardId: string;
  readonly label: string;
  /** The picker shows each group under its own heading, in this order. */
  readonly group: BoardGroup;
}

/** A program as `programs` lists it. */
export interface PickerProgram {
  readonly id: string;
  readonly name: string;
  readonly status: ProgramStatus;
}

export interface PickerSources {
  readonly nowMs: number;
  /** Running programs first, then upcoming, then ended ones, each said so. */
  readonly programs: readonly PickerProgram[];
  /** The board the address asks for: listed even when no other source offers it. */
  readonly selected: string;
}

export function pickerOptions({ nowMs, programs, selected }: PickerSources): BoardOption[] {
  const userBoards: BoardOption[] = [
    { boardId: globalBoardId, label: 'All time', group: 'Boards' },
    ...timeWindows.map((window) => {
      const boardId = windowBoardId(window, nowMs);
      return { boardId, label: `This ${window.name} (${window.keyOf(nowMs)})`, group: 'Boards' as const };
    }),
    ...programStatusOrder.flatMap((status) =>
      programs
        .filter((program) => program.status === status)
        .map((program) => ({
          boardId: programBoardId(program.id),
          label: `Program: ${program.name}${programStatusNote[status]}`,
          group: 'Programs' as const,
        })),
    ),
  ];
  // Every user board's team board, under its own heading after them.
  const options = [...userBoards, ...userBoards.map(teamOption)];
  if (options.some((option) => option.boardId === selected)) return options;
  return [...options, addressedOption(selected)];
}

function teamOption(option: BoardOption): BoardOption {
  return { boardId: teamBoardId(option.boardId), label: `Teams: ${option.label}`, group: 'Teams' };
}

function addressedOption(boardId: string): BoardOption {
  if (isTeamBoardId(boardId)) return teamOption(addressedOption(userBoardOfTeamBoard(boardId)));
  if (boardId.startsWith('program:'))
    return { boardId, label: `Program: ${boardId.slice('program:'.length)}`, group: 'Programs' };
  const window = timeWindows.find(({ name }) => boardId.startsWith(`${name}:`));
  if (window)
    return {
      boardId,
      label: `${capitalized(window.name)} ${boardId.slice(window.name.length + 1)}`,
      group: 'Boards',
    };
  return { boardId, label: boardId, group: 'Boards' };
}

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The picker's options under their group headings, groups in first-seen order. */
export function groupedOptions(
  options: readonly BoardOption[],
): Array<{ group: BoardGroup; options: BoardOption[] }> {
  const groups = new Map<BoardGroup, BoardOption[]>();
  for (const option of options) groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return [...groups].map(([group, grouped]) => ({ group, options: grouped }));
}

/** The requested board when it is a valid board id, else `global`. */
export function requestedBoard(search: string): string {
  const requested = new URLSearchParams(search).get('board');
  if (requested === null || !parseBoardId(requested).ok) return globalBoardId;
  return requested;
}

/**
 * Most rows a screen asks for: `?rows=` from 1 to `maxRows`, else `maxRows` (more than a
 * screen fits: it shows the rows that fit its height and counts the rest as "+N more").
 */
export const maxRows = 100;

export function requestedRows(search: string): number {
  const text = new URLSearchParams(search).get('rows');
  if (text === null || !/^\d{1,3}$/.test(text)) return maxRows;
  const rows = Number(text);
  return rows >= 1 && rows <= maxRows ? rows : maxRows;
}
