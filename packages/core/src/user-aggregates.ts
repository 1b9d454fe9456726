/**
 * What a user's aggregates are according to the log: their totals on every board and their
 * progress in every program, from their activities alone. The worker builds the same values one
 * activity at a time; recomputing them whole is how a reversal, an erasure and a replay bring the
 * stored aggregates back to the log.
 *
 * An activity counts when the worker applied it (`processedAt`), no admin reversed it and it
 * earned points. It counts for its program as the worker decided when it applied it; an activity
 * applied before that decision was kept is judged by the program as it is now.
 */
import { boardsForActivity } from './boards.ts';
import type { StoredActivity } from './items/activity.ts';
import type { StoredProgram } from './items/program.ts';
import type { StoredProgress } from './items/progress.ts';
import { utcTimestampMs } from './items/timestamp.ts';
import type { StoredTotal } from './items/total.ts';
import { activityCountsFor, progressAfter } from './programs.ts';

export interface UserAggregates {
  /** By board id. */
  readonly totals: ReadonlyMap<string, StoredTotal>;
  /** By program id. */
  readonly progress: ReadonlyMap<string, StoredProgress>;
}

/** Whether an activity is in the user's aggregates at all. */
export const countsOnBoards = (activity: StoredActivity): boolean =>
  activity.processedAt !== null && !activity.reversal && activity.points > 0;

/** Whether a counted activity counts for its program. */
export function countsForProgram(
  activity: StoredActivity,
  programs: ReadonlyMap<string, StoredProgram>,
): boolean {
  if (activity.programId === null) return false;
  if (activity.countedForProgram !== undefined) return activity.countedForProgram;
  const program = programs.get(activity.programId);
  return (
    program !== undefined &&
    activityCountsFor(program, { type: activity.type, occurredAtMs: utcTimestampMs(activity.occurredAt) }).ok
  );
}

/** Counted activities in the order they were recorded: the order their totals were reached in. */
function inRecordedOrder(activities: readonly StoredActivity[]): StoredActivity[] {
  return activities
    .filter(countsOnBoards)
    .sort((a, b) =>
      a.recordedAt === b.recordedAt
        ? a.key < b.key
          ? -1
          : 1
        : utcTimestampMs(a.recordedAt) - utcTimestampMs(b.recordedAt),
    );
}

function totalAfter(
  before: StoredTotal | undefined,
  activity: StoredActivity,
  boardId: string,
  updatedAt: string,
): StoredTotal {
  const teamPoints = { ...(before?.teamPoints ?? {}) };
  const teamIds = [...(before?.teamIds ?? [])];
  if (activity.teamId) {
    teamPoints[activity.teamId] = (teamPoints[activity.teamId] ?? 0) + activity.points;
    if (!teamIds.includes(activity.teamId)) teamIds.push(activity.teamId);
  }
  return {
    userId: activity.userId,
    boardId,
    displayName: activity.displayName,
    score: (before?.score ?? 0) + activity.points,
    // Activities come in recorded order, so the latest is the last one.
    reachedAt: new Date(utcTimestampMs(activity.recordedAt)).toISOString(),
    updatedAt,
    teamIds,
    teamPoints,
  };
}

/** `updatedAt`: the time written on every aggregate this computes. */
export function aggregatesFromHistory(
  activities: readonly StoredActivity[],
  programs: ReadonlyMap<string, StoredProgram>,
  updatedAt: string,
): UserAggregates {
  const totals = new Map<string, StoredTotal>();
  const progress = new Map<string, StoredProgress>();
  for (const activity of inRecordedOrder(activities)) {
    const forProgram = countsForProgram(activity, programs);
    const boards = boardsForActivity({
      programId: forProgram ? activity.programId : null,
      occurredAtMs: utcTimestampMs(activity.occurredAt),
    });
    for (const boardId of boards)
      totals.set(boardId, totalAfter(totals.get(boardId), activity, boardId, updatedAt));
    if (!forProgram || activity.programId === null) continue;
    const programId = activity.programId;
    const goal = programs.get(programId)?.pointsGoal ?? null;
    const counted = {
      userId: activity.userId,
      programId,
      points: activity.points,
      recordedAt: new Date(utcTimestampMs(activity.recordedAt)).toISOString(),
    };
    progress.set(programId, progressAfter(progress.get(programId) ?? null, counted, goal, updatedAt));
  }
  return { totals, progress };
}
