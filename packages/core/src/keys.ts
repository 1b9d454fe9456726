/**
 * Item keys and kinds of both tables, in one place: resolvers (APPSYNC_JS), the worker and
 * the rebuilder all build keys here, so they cannot disagree. Every item written per
 * activity is keyed by the user or by the activity, never by a board alone (no hot keys).
 */

/** `kind` attribute values. The pipe keeps `kind = activity` inserts only. */
export const itemKinds = {
  activity: 'activity',
  rateCounter: 'rateCounter',
  dailyPoints: 'dailyPoints',
  total: 'total',
  progress: 'progress',
  snapshot: 'snapshot',
  boardChange: 'boardChange',
  rebuildCursor: 'rebuildCursor',
} as const;

// Activities table (hash key `pk` only).

/** One recorded activity; `key` is the idempotency key, or a fresh ULID when the client gave none. */
export const activityPk = (userId: string, key: string): string => `ACT#${userId}#${key}`;

/** The user's activity count for one UTC minute (`minute` = epoch minutes). */
export const rateCounterPk = (userId: string, minute: number): string => `RATE#${userId}#${minute}`;

/** Points of one type already counted for the user on one UTC day (`YYYY-MM-DD` of `occurredAt`). */
export const dailyPointsPk = (userId: string, dayKey: string, type: string): string =>
  `DAY#${userId}#${dayKey}#${type}`;

// Scores table (`pk` + `sk`).

export interface ScoresKey {
  readonly pk: string;
  readonly sk: string;
}

const userPartition = (userId: string): string => `USER#${userId}`;

/** The user's total on one board; the `byScore` index reads these. */
export const totalKey = (userId: string, boardId: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `TOTAL#${boardId}`,
});

/** The user's progress in one program. */
export const progressKey = (userId: string, programId: string): ScoresKey => ({
  pk: userPartition(userId),
  sk: `PROGRESS#${programId}`,
});

/** The latest published snapshot of a board: what `leaderboard` reads with one GetItem. */
export const snapshotKey = (boardId: string): ScoresKey => ({ pk: `BOARD#${boardId}`, sk: 'SNAPSHOT' });

/**
 * "Board changed during this minute": written by a worker at most once per board and minute
 * (it remembers what it wrote), so its cost follows the number of workers, not activities.
 */
export const boardChangeKey = (minute: number, boardId: string): ScoresKey => ({
  pk: `CHANGED#${minute}`,
  sk: boardId,
});

/** When the rebuilder last started, so the next run knows which change minutes to read. */
export const rebuildCursorKey: ScoresKey = { pk: 'REBUILDER', sk: 'CURSOR' };

export const epochMinute = (epochMs: number): number => Math.floor(epochMs / 60_000);
