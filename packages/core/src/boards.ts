/**
 * Board ids. `global` is all time; `program:<programId>` is one program (boards exist for
 * programs that exist); each time window gives one board per period of the activity's
 * `occurredAt` (`week:<YYYY>-W<ww>`, `month:<YYYY>-<MM>`), so a window "resets" by being a new
 * key and old periods stay readable. Bundled into APPSYNC_JS resolvers.
 */
import { isoWeekKey, utcMonthKey } from './calendar.ts';
import { fail, succeed, errorTypes, type Outcome } from './errors.ts';
import { digitsValue, isDigits, isIdentifier } from './identifiers.ts';

export const globalBoardId = 'global';
const teamPrefix = 'team:';

/**
 * The team board of a user board (`team:global`, `team:week:2026-W47` ...): the teams of the
 * users on it, by points and by points per member.
 */
export const teamBoardId = (userBoardId: string): string => `${teamPrefix}${userBoardId}`;

export const isTeamBoardId = (boardId: string): boolean => boardId.startsWith(teamPrefix);

/** The user board a team board ranks teams on. */
export const userBoardOfTeamBoard = (teamBoard: string): string => teamBoard.slice(teamPrefix.length);
const programPrefix = 'program:';

/** Longest program id; keeps board ids and the keys built from them short. */
export const maxProgramIdLength = 64;

export const programBoardId = (programId: string): string => `${programPrefix}${programId}`;

/** A period of time with a board of its own per period: `<name>:<key of the period>`. */
export interface TimeWindow {
  /** The board id's prefix before `:`, e.g. `week`. */
  readonly name: string;
  /** The period containing an instant (UTC). */
  readonly keyOf: (epochMs: number) => string;
  /** Whether a client's text is a key `keyOf` can produce. */
  readonly isKey: (key: string) => boolean;
  /** The key's form, for error messages, e.g. `<YYYY>-W<ww>`. */
  readonly keyForm: string;
}

/** `YYYY-Www`, weeks 01 to 53. */
function isIsoWeekKey(key: string): boolean {
  const year = key.slice(0, 4);
  const week = key.slice(6);
  if (key.length !== 8 || key.slice(4, 6) !== '-W' || !isDigits(year) || !isDigits(week)) return false;
  const weekNumber = digitsValue(week);
  return weekNumber >= 1 && weekNumber <= 53;
}

/** `YYYY-MM`, months 01 to 12. */
function isUtcMonthKey(key: string): boolean {
  const year = key.slice(0, 4);
  const month = key.slice(5);
  if (key.length !== 7 || key.charAt(4) !== '-' || !isDigits(year) || !isDigits(month)) return false;
  const monthNumber = digitsValue(month);
  return monthNumber >= 1 && monthNumber <= 12;
}

/**
 * Every time window, in board order. A new window is one entry here: the worker counts
 * activities on it, `leaderboard` and the rebuilder accept its boards, the dashboard offers it.
 */
export const timeWindows: readonly TimeWindow[] = [
  { name: 'week', keyOf: isoWeekKey, isKey: isIsoWeekKey, keyForm: '<YYYY>-W<ww>' },
  { name: 'month', keyOf: utcMonthKey, isKey: isUtcMonthKey, keyForm: '<YYYY>-<MM>' },
];

export const windowBoardId = (window: TimeWindow, epochMs: number): string =>
  `${window.name}:${window.keyOf(epochMs)}`;

/** Every board an activity counts on, in a fixed order; `programId` only when it counts for that program. */
export function boardsForActivity(activity: {
  readonly programId?: string | null;
  readonly occurredAtMs: number;
}): string[] {
  const boards = [globalBoardId];
  if (activity.programId) boards.push(programBoardId(activity.programId));
  for (const window of timeWindows) boards.push(windowBoardId(window, activity.occurredAtMs));
  return boards;
}

export type BoardRef =
  | { readonly kind: 'team'; readonly boardId: string; readonly userBoardId: string }
  | { readonly kind: 'global'; readonly boardId: string }
  | { readonly kind: 'program'; readonly boardId: string; readonly programId: string }
  | { readonly kind: 'window'; readonly boardId: string; readonly window: string; readonly key: string };

/**
 * Reads a board id from a client, a team board's included; anything else is a `ValidationError`
 * naming the accepted forms of user boards.
 */
export function parseBoardId(boardId: string): Outcome<BoardRef> {
  if (!isTeamBoardId(boardId)) return parseUserBoardId(boardId);
  const ranked = parseUserBoardId(userBoardOfTeamBoard(boardId));
  if (!ranked.ok) return ranked;
  return succeed({ kind: 'team', boardId, userBoardId: ranked.value.boardId });
}

function parseUserBoardId(boardId: string): Outcome<BoardRef> {
  if (boardId === globalBoardId) return succeed({ kind: 'global', boardId });
  if (boardId.startsWith(programPrefix)) {
    const programId = boardId.slice(programPrefix.length);
    if (isIdentifier(programId, maxProgramIdLength)) return succeed({ kind: 'program', boardId, programId });
  }
  for (const window of timeWindows) {
    const prefix = `${window.name}:`;
    const key = boardId.slice(prefix.length);
    if (boardId.startsWith(prefix) && window.isKey(key)) {
      return succeed({ kind: 'window', boardId, window: window.name, key });
    }
  }
  const forms = [`'${globalBoardId}'`, `'${programPrefix}<programId>'`];
  for (const window of timeWindows) forms.push(`'${window.name}:${window.keyForm}'`);
  return fail(errorTypes.validation, `Unknown board id. Use ${forms.join(', ')}.`, 'boardId');
}
