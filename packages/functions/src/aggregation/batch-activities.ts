/**
 * A batch's activities, applied before its records are answered: grouped by user so each user's
 * are coalesced, all users' in as few reads and transactions as they allow (`applyActivities`).
 * Each record then awaits its own outcome; one that is not an activity (a reversal, an unreadable
 * body) has none here.
 */
import type { SQSRecord } from 'aws-lambda';
import { parseActivityMessage, type RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import { applyActivities, type ApplyOutcome } from './apply-activity.ts';
import { reversalInMessage } from './reversal-record.ts';

export interface BatchOutcomes {
  /** The outcome of the activity in the message; it rejects when applying it failed. */
  outcomeOf(messageId: string): Promise<ApplyOutcome>;
}

export function applyBatchActivities(
  records: readonly SQSRecord[],
  deps: AggregationDependencies,
): BatchOutcomes {
  const byUser = new Map<string, RecordedActivity[]>();
  const pkOfMessage = new Map<string, string>();
  const sameActivityAgain = new Set<string>();
  const seen = new Set<string>();
  for (const record of records) {
    const activity = activityIn(record);
    if (!activity) continue;
    pkOfMessage.set(record.messageId, activity.pk);
    if (seen.has(activity.pk)) {
      sameActivityAgain.add(record.messageId);
      continue;
    }
    seen.add(activity.pk);
    const activities = byUser.get(activity.userId) ?? [];
    activities.push(activity);
    byUser.set(activity.userId, activities);
  }
  const applied = applyActivities(byUser, deps);
  // Awaited only when each record's turn comes: a failure must not count as unhandled meanwhile.
  applied.catch(() => undefined);
  const outcomeOfActivity = async (pk: string): Promise<ApplyOutcome> => {
    const outcome = (await applied).get(pk);
    if (outcome instanceof Error) throw outcome;
    if (!outcome) throw new Error('the batch gave this activity no outcome');
    return outcome;
  };
  return {
    outcomeOf: async (messageId) => {
      const pk = pkOfMessage.get(messageId);
      if (pk === undefined) throw new Error(`message ${messageId} holds no activity of this batch`);
      const outcome = await outcomeOfActivity(pk);
      // The same activity twice in one batch is applied once: the second delivery is a duplicate.
      return sameActivityAgain.has(messageId) ? 'duplicate' : outcome;
    },
  };
}

/** The activity in the record; none for a reversal or a body that is not one (the record's own step says why). */
function activityIn(record: SQSRecord): RecordedActivity | null {
  if (reversalInMessage(record.body)) return null;
  try {
    return parseActivityMessage(record.body);
  } catch {
    return null;
  }
}
