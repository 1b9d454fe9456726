/**
 * Brings one user's aggregates back to their log, while the worker keeps applying their new
 * activities: read what is stored, then the history, compute what the log says, and write the
 * difference on condition that nothing moved meanwhile; when something did, start over.
 *
 * The history comes from an eventually consistent index. An activity recorded moments ago may
 * be missing from it although the worker already counted it; so a user whose latest counted
 * activity was recorded within `historyIndexLagSeconds` waits that long first. The writes are
 * absolute and conditional, so running this again (a redelivered reversal, a resumed replay)
 * writes nothing new: exactly-once by construction.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceConfig } from '@leaderboard/core/config';
import type { StoredProgram } from '@leaderboard/core/items/program';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { globalBoardId } from '@leaderboard/core/boards';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import { aggregatesFromHistory } from '@leaderboard/core/user-aggregates';
import type { BoardChangeMarker } from '../aggregation/board-changes.ts';
import { aggregateChanges, type RecomputeScope } from './aggregate-changes.ts';
import type { TransactItem } from '../store/transact-item.ts';
import { UserAggregatesContentionError } from './errors.ts';
import { readStoredUserItems, type StoredUserItems } from './stored-aggregates.ts';
import { readUserHistory } from './user-history.ts';

export interface RecomputeDependencies {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: { readonly activities: string; readonly scores: string };
  readonly config: Pick<ServiceConfig, 'scoreShards' | 'historyIndexLagSeconds' | 'recomputeAttempts'>;
  readonly boardChanges: BoardChangeMarker;
  readonly now?: () => number;
}

export interface RecomputeOutcome {
  /** Whether anything stored differed from the log. */
  readonly changed: boolean;
  readonly changedBoards: readonly string[];
  readonly itemsWritten: number;
  /** Totals and progress items deleted: the log no longer backs them. */
  readonly removed: number;
}

/** DynamoDB's limit on the items of one transaction. */
const maxTransactionItems = 100;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When the user's global total (what every counted activity moves) was first seen as it is. */
interface Sighting {
  readonly updatedAt: string;
  readonly atMs: number;
}

/**
 * How long to wait before the index can be trusted to list every activity the stored totals
 * count. Such an activity was written before the totals were read; once the totals are seen
 * unchanged for `historyIndexLagSeconds`, the index has it. Only a total reached that recently
 * needs the wait (by its `recordedAt`), so a quiet user waits for nothing.
 */
function indexWaitMs(
  stored: StoredUserItems,
  sighting: Sighting | null,
  nowMs: number,
  lagSeconds: number,
): number {
  const global = stored.totals.get(globalBoardId);
  const lagMs = lagSeconds * 1000;
  if (!global || utcTimestampMs(global.reachedAt) + lagMs <= nowMs) return 0;
  const seenSince = sighting && sighting.updatedAt === global.updatedAt ? sighting.atMs : nowMs;
  return Math.max(0, seenSince + lagMs - nowMs);
}

function sightingOf(stored: StoredUserItems, previous: Sighting | null, nowMs: number): Sighting | null {
  const global = stored.totals.get(globalBoardId);
  if (!global) return null;
  return previous && previous.updatedAt === global.updatedAt
    ? previous
    : { updatedAt: global.updatedAt, atMs: nowMs };
}

/** Packs whole groups into transactions of at most 100 items. */
function transactions(groups: readonly TransactItem[][]): TransactItem[][] {
  const packed: TransactItem[][] = [];
  for (const group of groups) {
    const last = packed[packed.length - 1];
    if (last && last.length + group.length <= maxTransactionItems) last.push(...group);
    else packed.push([...group]);
  }
  return packed;
}

const movedMeanwhile = (reasons: readonly CancellationReason[]): boolean =>
  reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict');

/** Writes every transaction; false when one found the user's items moved (those before it stand, and match the log). */
async function writeAll(deps: RecomputeDependencies, batches: readonly TransactItem[][]): Promise<boolean> {
  for (const items of batches) {
    try {
      await deps.documentClient.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && movedMeanwhile(error.CancellationReasons ?? []))
        return false;
      throw error;
    }
  }
  return true;
}

export async function recomputeUser(
  deps: RecomputeDependencies,
  userId: string,
  scope: RecomputeScope,
  programs: ReadonlyMap<string, StoredProgram>,
): Promise<RecomputeOutcome> {
  const now = deps.now ?? Date.now;
  let sighting: Sighting | null = null;
  for (let attempt = 1; attempt <= deps.config.recomputeAttempts; attempt += 1) {
    const stored = await readStoredUserItems(deps, userId);
    const wait = indexWaitMs(stored, sighting, now(), deps.config.historyIndexLagSeconds);
    if (wait > 0) {
      sighting = sightingOf(stored, sighting, now());
      await pause(wait);
      continue;
    }
    const history = await readUserHistory(deps, userId);
    const nowMs = now();
    const due = aggregatesFromHistory(history, programs, canonicalTimestamp(nowMs));
    const context = {
      userId,
      scoresTable: deps.tables.scores,
      shards: deps.config.scoreShards,
      updatedAt: canonicalTimestamp(nowMs),
    };
    const changes = aggregateChanges(context, stored, due, scope);
    if (changes.groups.length === 0)
      return { changed: false, changedBoards: [], itemsWritten: 0, removed: 0 };
    // Marked before the totals move, as the worker does: a rebuild that reads the mark sees them after.
    await deps.boardChanges.markChanged(changes.changedBoards, nowMs);
    if (await writeAll(deps, transactions(changes.groups))) {
      const itemsWritten = changes.groups.reduce((sum, group) => sum + group.length, 0);
      return { changed: true, changedBoards: changes.changedBoards, itemsWritten, removed: changes.removed };
    }
    // Spread the retries of users contended by several runners.
    await pause(Math.random() * 20 * attempt);
  }
  // No user id in the message: it reaches logs, which outlive an erasure.
  throw new UserAggregatesContentionError(
    `a user's aggregates kept changing during ${deps.config.recomputeAttempts} attempts`,
  );
}
