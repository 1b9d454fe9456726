/** What `reverseActivity`'s resolver and its functions share. */
import type { StoredActivity } from '@leaderboard/core/items/activity';
import type { StoredReversal } from '@leaderboard/core/items/reversal';

export interface ReverseActivityStash {
  /** The admin's user id. */
  admin: string;
  userId: string;
  activityKey: string;
  reason: string;
  /** The activity as read before the transaction. */
  activity?: StoredActivity;
  /** The reversal once written. */
  reversal?: StoredReversal;
}
