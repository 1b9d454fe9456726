/**
 * Programs as rules: what admin input makes a program, where a program stands in time, whether
 * an activity counts for it, and a participant's progress after one more counted activity.
 * `recordActivity` and the worker decide "counts" with the same function. Bundled into
 * APPSYNC_JS resolvers: no `throw`, `Date` or regex, so checks return an `Outcome` and dates
 * arrive as epoch milliseconds.
 */
import { maxProgramIdLength } from './boards.ts';
import { findActivityDefinition } from './catalog.ts';
import type { ServiceConfig } from './config.ts';
import { errorTypes, fail, succeed, type Outcome } from './errors.ts';
import type { ProgramStatus } from './generated/schema.ts';
import { isIdentifier } from './identifiers.ts';
import type { StoredProgress } from './items/progress.ts';
import { utcTimestampMs } from './items/timestamp.ts';

export type ProgramLimits = Pick<
  ServiceConfig,
  'maxProgramNameLength' | 'maxProgramDescriptionLength' | 'maxPointsGoal'
>;

/** The fields of `ProgramInput`; anything else did not come through the schema. */
const inputFields = ['id', 'name', 'description', 'startsAt', 'endsAt', 'activityTypes', 'pointsGoal'];

export interface ProgramDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly startsAtMs: number;
  readonly endsAtMs: number;
  readonly activityTypes: string[];
  readonly pointsGoal: number | null;
}

/** `startsAt` and `endsAt` parsed by the caller (`util.time` in resolvers); NaN when unreadable. */
export interface ProgramDates {
  readonly startsAtMs: number;
  readonly endsAtMs: number;
}

const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Math.floor(value) === value && value === value;

function validText(value: unknown, field: string, maxLength: number, required: boolean): Outcome<string> {
  const text = value === undefined || value === null ? '' : value;
  if (typeof text !== 'string' || text.length > maxLength || (required && text.trim().length === 0)) {
    const what = required ? 'a non-blank string' : 'a string';
    return fail(errorTypes.validation, `${field} must be ${what} of at most ${maxLength} characters.`, field);
  }
  return succeed(text);
}

function validActivityTypes(value: unknown): Outcome<string[]> {
  const types: string[] = [];
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  for (const type of list) {
    if (typeof type !== 'string' || findActivityDefinition(type) === null) {
      return fail(
        errorTypes.validation,
        'activityTypes must name types from activityTypes.',
        'activityTypes',
      );
    }
    if (types.indexOf(type) >= 0) {
      return fail(errorTypes.validation, `activityTypes lists '${type}' twice.`, 'activityTypes');
    }
    types.push(type);
  }
  if (types.length === 0) {
    return fail(errorTypes.validation, 'activityTypes must name at least one type.', 'activityTypes');
  }
  return succeed(types);
}

function validGoal(value: unknown, maxPointsGoal: number): Outcome<number | null> {
  if (value === undefined || value === null) return succeed(null);
  if (!isWholeNumber(value) || value < 1 || value > maxPointsGoal) {
    return fail(
      errorTypes.validation,
      `pointsGoal must be a whole number from 1 to ${maxPointsGoal}, or null.`,
      'pointsGoal',
    );
  }
  return succeed(value);
}

function validDates(dates: ProgramDates): Outcome<ProgramDates> {
  const readable = (ms: number) => typeof ms === 'number' && ms === ms;
  if (!readable(dates.startsAtMs))
    return fail(errorTypes.validation, 'startsAt must be an ISO 8601 date-time.', 'startsAt');
  if (!readable(dates.endsAtMs))
    return fail(errorTypes.validation, 'endsAt must be an ISO 8601 date-time.', 'endsAt');
  if (dates.endsAtMs <= dates.startsAtMs)
    return fail(errorTypes.validation, 'endsAt must be after startsAt.', 'endsAt');
  return succeed(dates);
}

export function validateProgramInput(
  input: Readonly<Record<string, unknown>>,
  dates: ProgramDates,
  limits: ProgramLimits,
): Outcome<ProgramDefinition> {
  for (const field of Object.keys(input)) {
    if (inputFields.indexOf(field) < 0)
      return fail(errorTypes.validation, `Unknown input field '${field.slice(0, 40)}'.`, field);
  }
  const id = input['id'];
  if (typeof id !== 'string' || !isIdentifier(id, maxProgramIdLength)) {
    return fail(
      errorTypes.validation,
      `id must be 1 to ${maxProgramIdLength} letters, digits, '-' or '_'.`,
      'id',
    );
  }
  const name = validText(input['name'], 'name', limits.maxProgramNameLength, true);
  if (!name.ok) return name;
  const description = validText(
    input['description'],
    'description',
    limits.maxProgramDescriptionLength,
    false,
  );
  if (!description.ok) return description;
  const period = validDates(dates);
  if (!period.ok) return period;
  const types = validActivityTypes(input['activityTypes']);
  if (!types.ok) return types;
  const goal = validGoal(input['pointsGoal'], limits.maxPointsGoal);
  if (!goal.ok) return goal;
  return succeed({
    id,
    name: name.value,
    description: description.value,
    startsAtMs: period.value.startsAtMs,
    endsAtMs: period.value.endsAtMs,
    activityTypes: types.value,
    pointsGoal: goal.value,
  });
}

/** The program's dates as stored (ISO 8601 UTC). */
export interface ProgramPeriod {
  readonly startsAt: string;
  readonly endsAt: string;
}

export function programStatus(program: ProgramPeriod, nowMs: number): ProgramStatus {
  if (nowMs < utcTimestampMs(program.startsAt)) return 'UPCOMING';
  if (nowMs < utcTimestampMs(program.endsAt)) return 'ACTIVE';
  return 'ENDED';
}

/**
 * An activity counts for a program when it occurred within the program's dates (start
 * included, end excluded) and its type is one the program counts.
 */
export function activityCountsFor(
  program: ProgramPeriod & { readonly id: string; readonly activityTypes: readonly string[] },
  activity: { readonly type: string; readonly occurredAtMs: number },
): Outcome<true> {
  const startsAtMs = utcTimestampMs(program.startsAt);
  const endsAtMs = utcTimestampMs(program.endsAt);
  if (!(activity.occurredAtMs >= startsAtMs && activity.occurredAtMs < endsAtMs)) {
    const when = activity.occurredAtMs < startsAtMs ? 'before it starts' : 'after it ended';
    return fail(
      errorTypes.validation,
      `Program '${program.id}' runs from ${program.startsAt} to ${program.endsAt}; this activity occurred ${when}.`,
      'programId',
    );
  }
  if (program.activityTypes.indexOf(activity.type) < 0) {
    return fail(
      errorTypes.validation,
      `Activity type '${activity.type}' does not count for program '${program.id}' (it counts ${program.activityTypes.join(', ')}).`,
      'type',
    );
  }
  return succeed(true);
}

/**
 * Progress after one more counted activity. `completedAt` is set when the points first reach
 * the goal in force (again after the goal changed): to the latest `recordedAt` counted so far, a
 * moment by which the user had recorded enough, whatever order the worker applies activities in.
 */
export function progressAfter(
  before: StoredProgress | null,
  activity: {
    readonly userId: string;
    readonly programId: string;
    readonly points: number;
    /** Canonical ISO 8601 UTC (24 characters), so the latest compares as text. */
    readonly recordedAt: string;
  },
  goal: number | null,
  updatedAt: string,
): StoredProgress {
  const points = (before ? before.points : 0) + activity.points;
  const earlier = before ? before.lastRecordedAt : null;
  const lastRecordedAt = earlier !== null && earlier > activity.recordedAt ? earlier : activity.recordedAt;
  const reachedBefore = before !== null && before.completedAt !== null && before.completedGoal === goal;
  const reachesNow = goal !== null && points >= goal && !reachedBefore;
  return {
    userId: activity.userId,
    programId: activity.programId,
    points,
    activities: (before ? before.activities : 0) + 1,
    lastRecordedAt,
    completedAt: reachesNow ? lastRecordedAt : before ? before.completedAt : null,
    completedGoal: reachesNow ? goal : before ? before.completedGoal : null,
    updatedAt,
  };
}

export interface ProgressView {
  readonly points: number;
  readonly activities: number;
  readonly goal: number | null;
  /** Whole percent of the goal, at most 100; null without a goal. */
  readonly percent: number | null;
  /** When the current goal was reached; null before, or when it was reached under another goal. */
  readonly completedAt: string | null;
}

/** A participant's progress as `myProgress` shows it, against the program's current goal. */
export function progressView(progress: StoredProgress | null, goal: number | null): ProgressView {
  const points = progress ? progress.points : 0;
  const percent = goal === null ? null : Math.min(100, Math.floor((points * 100) / goal));
  const reached = progress !== null && goal !== null && points >= goal && progress.completedGoal === goal;
  return {
    points,
    activities: progress ? progress.activities : 0,
    goal,
    percent,
    completedAt: reached && progress ? progress.completedAt : null,
  };
}
