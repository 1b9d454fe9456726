/** A BatchGetItem's answer for one table: its items in the order of the keys asked, null where none is stored. */
import type { ItemAttributes } from '@leaderboard/core/items/item';
import { endOnDataSourceError, endWithInternalFailure } from './errors.ts';

interface BatchGetResult {
  readonly data: Record<string, Array<ItemAttributes | null>>;
  readonly unprocessedKeys: Record<string, unknown[]>;
}

export function batchGetItems(
  error: { message: string; type: string } | undefined,
  result: unknown,
  table: string,
): Array<ItemAttributes | null> {
  endOnDataSourceError(error);
  const answer = result as BatchGetResult;
  const unprocessed = answer.unprocessedKeys[table];
  // DynamoDB left a key for later (throttled): the caller's retry with the same keys is safe.
  if (unprocessed && unprocessed.length > 0)
    return endWithInternalFailure({ type: 'UnprocessedKeys', message: 'BatchGetItem left keys unprocessed' });
  return answer.data[table] ?? [];
}
