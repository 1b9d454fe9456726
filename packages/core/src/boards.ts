/**
 * Board ids. `global` is all time; `program:<programId>` is one program; `week:<YYYY>-W<ww>`
 * is one ISO week (of the activity's `occurredAt`), so a week "resets" by being a new key
 * and old weeks stay readable. Bundled into APPSYNC_JS resolvers.
 */
import { isoWeekKey } from './calendar.ts';
import { fail, succeed, errorTypes, type Outcome } from './errors.ts';
import { digitsValue, isDigits, isIdentifier } from './identifiers.ts';

export const globalBoardId = 'global';
const programPrefix = 'program:';
const weekPrefix = 'week:';

/** Longest program id; keeps board ids and the keys built from them short. */
export const maxProgramIdLength = 64;

export const programBoardId = (programId: string): string => `${programPrefix}${programId}`;

export const weekBoardId = (epochMs: number): string => `${weekPrefix}${isoWeekKey(epochMs)}`;

/** Every board an activity counts on, in a fixed order. */
export function boardsForActivity(activity: {
  readonly programId?: string | null;
  readonly occurredAtMs: number;
}): string[] {
  const boards = [globalBoardId];
  if (activity.programId) boards.push(programBoardId(activity.programId));
  boards.push(weekBoardId(activity.occurredAtMs));
  return boards;
}

export type BoardRef =
  | { readonly kind: 'global'; readonly boardId: string }
  | { readonly kind: 'program'; readonly boardId: string; readonly programId: string }
  | { readonly kind: 'week'; readonly boardId: string; readonly year: number; readonly week: number };

/** Reads a board id from a client; anything else is a `ValidationError` naming the accepted forms. */
export function parseBoardId(boardId: string): Outcome<BoardRef> {
  if (boardId === globalBoardId) return succeed({ kind: 'global', boardId });
  if (boardId.startsWith(programPrefix)) {
    const programId = boardId.slice(programPrefix.length);
    if (isIdentifier(programId, maxProgramIdLength)) return succeed({ kind: 'program', boardId, programId });
  }
  if (boardId.startsWith(weekPrefix)) {
    const week = boardId.slice(weekPrefix.length);
    const yearText = week.slice(0, 4);
    const weekText = week.slice(6);
    if (week.length === 8 && week.slice(4, 6) === '-W' && isDigits(yearText) && isDigits(weekText)) {
      const weekNumber = digitsValue(weekText);
      if (weekNumber >= 1 && weekNumber <= 53) {
        return succeed({ kind: 'week', boardId, year: digitsValue(yearText), week: weekNumber });
      }
    }
  }
  return fail(
    errorTypes.validation,
    `Unknown board id. Use 'global', 'program:<programId>' or 'week:<YYYY>-W<ww>'.`,
    'boardId',
  );
}
