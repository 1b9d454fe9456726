/**
 * One replay of every aggregate from the Activities log (Scores table, `REPLAY` / `RUN#<runId>`):
 * where it has got to in the log, so a stopped run resumes there (from `pnpm replay --resume`
 * or the next invocation of the replay job), and what it did. Each page's progress is written on
 * condition of the page it follows (`pages`), so two runners of one run never both advance it.
 */
import { itemKinds, keySeparator, type ScoresKey } from '../keys.ts';
import {
  expectKey,
  finishReading,
  kindAttribute,
  nonEmptyText,
  noteProblem,
  optionalText,
  optionalTimestamp,
  scoresKeyAttributes,
  startReading,
  textAttribute,
  timestampAttribute,
  wholeNumber,
  type Decoded,
  type ItemAttributes,
} from './item.ts';

export const replayRunAttributes = {
  ...scoresKeyAttributes,
  kind: kindAttribute,
  runId: 'runId',
  phase: 'phase',
  cursor: 'cursor',
  lastUserId: 'lastUserId',
  startedBy: 'startedBy',
  reason: 'reason',
  startedAt: 'startedAt',
  updatedAt: 'updatedAt',
  finishedAt: 'finishedAt',
  pages: 'pages',
  usersReplayed: 'usersReplayed',
  usersChanged: 'usersChanged',
  rescore: 'rescore',
  activitiesRescored: 'activitiesRescored',
} as const;

/**
 * `log`: users with activities, from the history index; `leftovers`: users with aggregates in
 * the Scores table, for those the log no longer has (their aggregates go); `done`.
 */
export type ReplayPhase = 'log' | 'leftovers' | 'done';

export interface ReplayRun {
  readonly runId: string;
  readonly phase: ReplayPhase;
  /** Where the phase's scan goes on (its `LastEvaluatedKey`, as JSON); null at the phase's start. */
  readonly cursor: string | null;
  /** The last user the previous page replayed: a user whose items straddle two pages is replayed once. */
  readonly lastUserId: string | null;
  readonly startedBy: string;
  readonly reason: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  readonly pages: number;
  readonly usersReplayed: number;
  /** Users whose stored aggregates differed from their log. */
  readonly usersChanged: number;
  /** Whether the run scores the log's activities again by the current catalog first. */
  readonly rescore: boolean;
  /** Activities whose points the rescoring changed. */
  readonly activitiesRescored: number;
}

const replayPartition = 'REPLAY';

export const replayRunKey = (runId: string): ScoresKey => ({
  pk: replayPartition,
  sk: `RUN${keySeparator}${runId}`,
});

const phases: readonly ReplayPhase[] = ['log', 'leftovers', 'done'];

export function encodeReplayRun(run: ReplayRun): ItemAttributes {
  const names = replayRunAttributes;
  const key = replayRunKey(run.runId);
  const item: ItemAttributes = {
    [names.pk]: key.pk,
    [names.sk]: key.sk,
    [names.kind]: itemKinds.replayRun,
    [names.runId]: run.runId,
    [names.phase]: run.phase,
    [names.startedBy]: run.startedBy,
    [names.reason]: run.reason,
    [names.startedAt]: run.startedAt,
    [names.updatedAt]: run.updatedAt,
    [names.pages]: run.pages,
    [names.usersReplayed]: run.usersReplayed,
    [names.usersChanged]: run.usersChanged,
    [names.rescore]: run.rescore,
    [names.activitiesRescored]: run.activitiesRescored,
  };
  if (run.cursor !== null) item[names.cursor] = run.cursor;
  if (run.lastUserId !== null) item[names.lastUserId] = run.lastUserId;
  if (run.finishedAt !== null) item[names.finishedAt] = run.finishedAt;
  return item;
}

export function parseReplayRun(item: unknown): Decoded<ReplayRun> {
  const names = replayRunAttributes;
  const reader = startReading(item, 'replay run item', itemKinds.replayRun);
  const runId = nonEmptyText(reader, names.runId);
  expectKey(reader, replayRunKey(runId));
  const phase = nonEmptyText(reader, names.phase);
  if (phases.indexOf(phase as ReplayPhase) < 0) noteProblem(reader, `${names.phase} is not a replay phase`);
  return finishReading(reader, {
    runId,
    phase: phase as ReplayPhase,
    cursor: optionalText(reader, names.cursor),
    lastUserId: optionalText(reader, names.lastUserId),
    startedBy: nonEmptyText(reader, names.startedBy),
    reason: textAttribute(reader, names.reason),
    startedAt: timestampAttribute(reader, names.startedAt),
    updatedAt: timestampAttribute(reader, names.updatedAt),
    finishedAt: optionalTimestamp(reader, names.finishedAt),
    pages: wholeNumber(reader, names.pages, 0),
    usersReplayed: wholeNumber(reader, names.usersReplayed, 0),
    usersChanged: wholeNumber(reader, names.usersChanged, 0),
    rescore: reader.attributes[names.rescore] === true,
    activitiesRescored: wholeNumber(reader, names.activitiesRescored, 0),
  });
}
