/**
 * A user's activities of one batch, split by the aggregates they move: the same program (or
 * none), team (or none) and boards. Each group moves its aggregates once, as its combined
 * activity; a capped-out activity (0 points) moves nothing and joins the first group.
 */
import { boardsForActivity } from '@leaderboard/core/boards';
import type { StoredProgram } from '@leaderboard/core/items/program';
import { activityCountsFor } from '@leaderboard/core/programs';
import type { RecordedActivity } from './activity-record.ts';

export interface CoalescedGroup {
  readonly userId: string;
  readonly program: StoredProgram | null;
  readonly boardIds: readonly string[];
  readonly activities: RecordedActivity[];
}

/** The program as it is now, by id (null when gone): read once per batch however many activities name it. */
export type ProgramLookup = (programId: string) => Promise<StoredProgram | null>;

export async function coalescingGroups(
  activities: readonly RecordedActivity[],
  programOf: ProgramLookup,
): Promise<CoalescedGroup[]> {
  const groups = new Map<string, CoalescedGroup>();
  const capped: RecordedActivity[] = [];
  for (const activity of activities) {
    if (activity.points === 0) {
      capped.push(activity);
      continue;
    }
    const program = activity.programId ? await programOf(activity.programId) : null;
    // A program counts an activity by its type and dates, so the same program may count one and not another.
    const counted = program && activityCountsFor(program, activity).ok ? program : null;
    const boardIds = boardsForActivity({
      programId: counted?.id ?? null,
      occurredAtMs: activity.occurredAtMs,
    });
    const key = [counted?.id ?? '', activity.teamId ?? '', ...boardIds].join('\n');
    const group = groups.get(key) ?? { userId: activity.userId, program: counted, boardIds, activities: [] };
    group.activities.push(activity);
    groups.set(key, group);
  }
  const [first] = groups.values();
  if (first) first.activities.push(...capped);
  else if (capped[0])
    groups.set('', { userId: capped[0].userId, program: null, boardIds: [], activities: capped });
  return [...groups.values()];
}

/**
 * The activities as one: their points summed, reached when the last of them was recorded. A
 * total, a team counter and a histogram end the same after it as after each in turn.
 */
export function combinedActivity(activities: readonly RecordedActivity[]): RecordedActivity | null {
  const [first] = activities;
  if (!first) return null;
  return {
    ...first,
    points: activities.reduce((sum, activity) => sum + activity.points, 0),
    recordedAtMs: Math.max(...activities.map((activity) => activity.recordedAtMs)),
  };
}
