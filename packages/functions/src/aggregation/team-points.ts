/**
 * Each team's share of a user's total on a board, kept on the total beside `teamIds`: what a
 * reversal, an erasure or a replay takes back from (or gives to) each team's counter, exactly.
 */
import type { StoredTotal } from '@leaderboard/core/items/total';
import type { RecordedActivity } from './activity-record.ts';

/**
 * The share each team held before: as stored, or for a total stored before shares were kept, all
 * of it for its first team (the only one, unless the user changed teams meanwhile).
 */
export function teamPointsBefore(before: StoredTotal | undefined): Record<string, number> {
  if (!before) return {};
  if (before.teamPoints) return { ...before.teamPoints };
  const [first] = before.teamIds;
  return first === undefined ? {} : { [first]: before.score };
}

/** The shares after one more activity, which counts for its team. */
export function teamPointsAfter(
  activity: Pick<RecordedActivity, 'teamId' | 'points'>,
  before: StoredTotal | undefined,
): Record<string, number> {
  const shares = teamPointsBefore(before);
  if (activity.teamId && activity.points > 0)
    shares[activity.teamId] = (shares[activity.teamId] ?? 0) + activity.points;
  return shares;
}
