/** Reading a reversal out of an SQS message body: the pipe delivers its INSERT stream record as it does an activity's. */
import { kindAttribute } from '@leaderboard/core/items/item';
import { parseReversal, type StoredReversal } from '@leaderboard/core/items/reversal';
import { itemKinds } from '@leaderboard/core/keys';
import { newImageOf, UnreadableActivityError } from './activity-record.ts';

/** The reversal in a message; null when the message holds another kind of item. */
export function reversalInMessage(body: string): StoredReversal | null {
  let image: Record<string, unknown>;
  try {
    image = newImageOf(body);
  } catch {
    // Not a stream record at all: the activity reader reports it.
    return null;
  }
  if (image[kindAttribute] !== itemKinds.reversal) return null;
  const decoded = parseReversal(image);
  if (!decoded.ok) throw new UnreadableActivityError(decoded.problem);
  return decoded.value;
}
