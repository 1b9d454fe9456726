/**
 * What the keys of both tables share. Each stored item builds its own key in its codec
 * (`items/*.ts`), which resolvers (APPSYNC_JS), the worker and the rebuilder all use, so they
 * cannot disagree. Every item written per activity is keyed by the user or by the activity,
 * never by a board alone (no hot keys).
 */

/** `kind` attribute values. The pipe keeps inserts of `activity` and `reversal` items only. */
export const itemKinds = {
  activity: 'activity',
  rateCounter: 'rateCounter',
  dailyPoints: 'dailyPoints',
  total: 'total',
  progress: 'progress',
  snapshot: 'snapshot',
  boardChange: 'boardChange',
  rebuildCursor: 'rebuildCursor',
  scoreHistogram: 'scoreHistogram',
  teamCounter: 'teamCounter',
  teamSnapshot: 'teamSnapshot',
  teamAssignment: 'teamAssignment',
  program: 'program',
  programCount: 'programCount',
  // Operators' tools: the reversal log entry (it flows to the worker like an activity), who is
  // disqualified, the audit trail (and each subject's pointer to its entries), replay runs.
  reversal: 'reversal',
  disqualification: 'disqualification',
  auditRecord: 'auditRecord',
  auditReference: 'auditReference',
  replayRun: 'replayRun',
} as const;

export type ItemKind = (typeof itemKinds)[keyof typeof itemKinds];

/** Separates the parts of a key; ids that end up in keys may not contain it (see `identifiers.ts`). */
export const keySeparator = '#';

/** An Activities table key (hash key `pk` only); its field names are the key attributes' names. */
export type ActivitiesKey = { readonly pk: string };

/** A Scores table key (`pk` + `sk`). */
export type ScoresKey = { readonly pk: string; readonly sk: string };

/** The partition of everything kept per user in the Scores table (totals, progress). */
export const userPartition = (userId: string): string => `USER${keySeparator}${userId}`;

export const epochMinute = (epochMs: number): number => Math.floor(epochMs / 60_000);

/**
 * Board change marks are kept per slot of this length: as short as the rebuilder's tick, so a
 * tick reads only what changed since the previous one.
 */
export const boardChangeSlotMs = 5_000;

export const changeSlot = (epochMs: number): number => Math.floor(epochMs / boardChangeSlotMs);
