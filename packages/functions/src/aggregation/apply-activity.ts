/**
 * Applies a batch's recorded activities to the Scores table, exactly once, in as few
 * transactions and reads as the batch allows.
 *
 * Each user's activities are coalesced into groups that count for the same boards, program and
 * team (`coalescing-groups.ts`); a group's transaction items mark each activity processed (on
 * condition it was not) and move each aggregate once (`group-writes.ts`). Groups are applied in
 * rounds, one group of each user per round (a user's groups share their global total): a round
 * reads every total and progress it needs in one BatchGetItem and writes its groups in as few
 * TransactWriteItems as the 100-item limit and distinct items allow. A redelivered activity fails
 * its marker's condition and is left out; a total or progress moved by another worker since it was
 * read fails its condition and that group is read and written again (optimistic locking); groups
 * cancelled only because they shared a transaction are simply written again.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { decodeProgress, decodeTotal } from '@leaderboard/core/items/decode';
import type { StoredProgram } from '@leaderboard/core/items/program';
import { progressAttributes, progressKey, type StoredProgress } from '@leaderboard/core/items/progress';
import { totalKey, type StoredTotal } from '@leaderboard/core/items/total';
import { itemKinds } from '@leaderboard/core/keys';
import { batchGetAll } from '../store/batch-get-all.ts';
import type { RecordedActivity } from './activity-record.ts';
import type { AggregationDependencies } from './aggregation-dependencies.ts';
import { coalescingGroups, type CoalescedGroup } from './coalescing-groups.ts';
import { groupWrites, type GroupState } from './group-writes.ts';
import type { TransactItem } from '../store/transact-item.ts';
import { readProgram } from './program-progress.ts';
import { changedBoards } from './team-and-histogram.ts';

/** Other workers kept changing these activities' aggregates; their messages are retried later. */
export class TotalsContentionError extends Error {
  override readonly name = 'TotalsContentionError';
}

export type ApplyOutcome = 'applied' | 'duplicate';

/** Each activity's outcome by its `pk`, or why it could not be applied (its message is then retried). */
export type ApplyResults = Map<string, ApplyOutcome | Error>;

/** A transaction holds at most 100 items. */
const itemsPerTransaction = 100;

/** A group being applied: the activities not settled yet, and the attempts its own conditions failed. */
interface LiveGroup {
  readonly group: CoalescedGroup;
  pending: RecordedActivity[];
  attempt: number;
}

/** Applies each user's activities (each activity once per call: a batch's second delivery is the caller's to skip). */
export async function applyActivities(
  activitiesByUser: ReadonlyMap<string, readonly RecordedActivity[]>,
  deps: AggregationDependencies,
): Promise<ApplyResults> {
  const results: ApplyResults = new Map();
  const programOf = programLookup(deps);
  const groupsByUser = await Promise.all(
    [...activitiesByUser.values()].map((activities) =>
      coalescingGroups(activities, programOf).catch((error: Error) => {
        for (const activity of activities) results.set(activity.pk, error);
        return [];
      }),
    ),
  );
  // A group larger than a transaction holds goes in parts, each in a round of its own.
  const partsByUser = groupsByUser.map((groups) => groups.flatMap(inParts));
  const rounds = Math.max(0, ...partsByUser.map((groups) => groups.length));
  for (let round = 0; round < rounds; round += 1) {
    const groups = partsByUser.flatMap((groups) => groups.slice(round, round + 1));
    await applyRound(groups, deps, results);
  }
  return results;
}

/** Its markers, and at most 4 totals, 4 histograms, 4 team counters and progress, well within a transaction. */
const activitiesPerPart = 40;

function inParts(group: CoalescedGroup): CoalescedGroup[] {
  const parts: CoalescedGroup[] = [];
  for (let start = 0; start < group.activities.length; start += activitiesPerPart)
    parts.push({ ...group, activities: group.activities.slice(start, start + activitiesPerPart) });
  return parts;
}

function programLookup(deps: AggregationDependencies): (programId: string) => Promise<StoredProgram | null> {
  const programs = new Map<string, Promise<StoredProgram | null>>();
  return (programId) => {
    let program = programs.get(programId);
    if (!program) {
      program = readProgram(programId, deps);
      programs.set(programId, program);
    }
    return program;
  };
}

async function applyRound(
  groups: readonly CoalescedGroup[],
  deps: AggregationDependencies,
  results: ApplyResults,
): Promise<void> {
  let live: LiveGroup[] = groups.map((group) => ({ group, pending: group.activities, attempt: 1 }));
  while (live.length > 0) {
    let writes: Array<{ entry: LiveGroup; items: TransactItem[] }>;
    try {
      writes = await prepareWrites(live, deps);
    } catch (error) {
      return settle(live, error as Error, results);
    }
    const next: LiveGroup[] = [];
    let contended = false;
    for (const pack of packTransactions(writes)) {
      const outcome = await sendPack(pack, deps, results);
      next.push(...outcome.again);
      contended ||= outcome.contended;
    }
    live = next;
    // Records of concurrent batches contend for the same items; spreading the retries lets one win each round.
    if (contended) await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * maxAttempt(live)));
  }
}

/** Reads what the groups' writes are conditioned on, marks their boards changed, and builds the writes. */
async function prepareWrites(
  live: readonly LiveGroup[],
  deps: AggregationDependencies,
): Promise<Array<{ entry: LiveGroup; items: TransactItem[] }>> {
  const states = await readStates(live, deps);
  const nowMs = (deps.now ?? Date.now)();
  // A group's activities share its boards and team: any one that counts names what changes.
  const changed = live.flatMap(({ group, pending }) => {
    const counting = pending.find((activity) => activity.points > 0);
    return counting ? changedBoards(counting, group.boardIds) : [];
  });
  // The marks go first: a change that commits after a rebuild read its mark is still seen next time.
  await deps.boardChanges.markChanged([...new Set(changed)], nowMs);
  return live.map((entry, index) => ({
    entry,
    items: groupWrites(entry.group, entry.pending, states[index]!, nowMs, deps),
  }));
}

/** Every group's totals and progress, in one consistent BatchGetItem (two past 100 keys). */
async function readStates(live: readonly LiveGroup[], deps: AggregationDependencies): Promise<GroupState[]> {
  const keys = live.flatMap(({ group }) => [
    ...group.boardIds.map((boardId) => ({ ...totalKey(group.userId, boardId) })),
    ...(group.program ? [{ ...progressKey(group.userId, group.program.id) }] : []),
  ]);
  const totals = new Map<string, StoredTotal>();
  const progress = new Map<string, StoredProgress>();
  for (const item of await batchGetAll(deps.documentClient, deps.tables.scores, keys)) {
    if (item[progressAttributes.kind] === itemKinds.progress) {
      const stored = decodeProgress(item);
      progress.set(`${stored.userId}\n${stored.programId}`, stored);
    } else {
      const total = decodeTotal(item);
      totals.set(`${total.userId}\n${total.boardId}`, total);
    }
  }
  return live.map(({ group }) => ({
    totals: new Map(
      group.boardIds.flatMap((boardId) => {
        const total = totals.get(`${group.userId}\n${boardId}`);
        return total ? [[boardId, total] as const] : [];
      }),
    ),
    progress: group.program ? (progress.get(`${group.userId}\n${group.program.id}`) ?? null) : null,
  }));
}

/**
 * The groups' writes in transactions of at most 100 items in which no item appears twice (two
 * users in one shard may move the same histogram or team counter): each group in the first that
 * has room for it.
 */
function packTransactions(
  writes: ReadonlyArray<{ entry: LiveGroup; items: TransactItem[] }>,
): Array<Array<{ entry: LiveGroup; items: TransactItem[] }>> {
  const packs: Array<{
    writes: Array<{ entry: LiveGroup; items: TransactItem[] }>;
    keys: Set<string>;
    size: number;
  }> = [];
  for (const write of writes) {
    const keys = write.items.map(itemIdentity);
    let pack = packs.find(
      (candidate) =>
        candidate.size + write.items.length <= itemsPerTransaction &&
        !keys.some((key) => candidate.keys.has(key)),
    );
    if (!pack) {
      pack = { writes: [], keys: new Set(), size: 0 };
      packs.push(pack);
    }
    pack.writes.push(write);
    pack.size += write.items.length;
    for (const key of keys) pack.keys.add(key);
  }
  return packs.map((pack) => pack.writes);
}

function itemIdentity(item: TransactItem): string {
  const write = item.Update ?? item.Put ?? item.Delete ?? item.ConditionCheck;
  const key = item.Put ? item.Put.Item : (write as { Key?: unknown } | undefined)?.Key;
  return JSON.stringify([write?.TableName, key]);
}

/** Writes one transaction; what it settles goes to `results`, what must be written again comes back. */
async function sendPack(
  pack: ReadonlyArray<{ entry: LiveGroup; items: TransactItem[] }>,
  deps: AggregationDependencies,
  results: ApplyResults,
): Promise<{ again: LiveGroup[]; contended: boolean }> {
  try {
    await deps.documentClient.send(
      new TransactWriteCommand({ TransactItems: pack.flatMap((write) => write.items) }),
    );
    for (const { entry } of pack) for (const activity of entry.pending) results.set(activity.pk, 'applied');
    return { again: [], contended: false };
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    if (isRetryableCancellation(reasons)) return afterCancellation(pack, reasons, deps, results);
    if (pack.length > 1) return sendAlone(pack, deps, results);
    settle([pack[0]!.entry], error as Error, results);
    return { again: [], contended: false };
  }
}

/**
 * A shared transaction failed for another reason than its conditions (throttled past the SDK's
 * retries, an answer lost): each group is written on its own, so only a group whose own write
 * fails has its messages retried. One that the lost answer had applied finds its markers set.
 */
async function sendAlone(
  pack: ReadonlyArray<{ entry: LiveGroup; items: TransactItem[] }>,
  deps: AggregationDependencies,
  results: ApplyResults,
): Promise<{ again: LiveGroup[]; contended: boolean }> {
  const again: LiveGroup[] = [];
  let contended = false;
  for (const write of pack) {
    const outcome = await sendPack([write], deps, results);
    again.push(...outcome.again);
    contended ||= outcome.contended;
  }
  return { again, contended };
}

/** Sorts a cancelled transaction's groups: activities already applied, groups that contended, bystanders. */
function afterCancellation(
  pack: ReadonlyArray<{ entry: LiveGroup; items: TransactItem[] }>,
  reasons: readonly CancellationReason[],
  deps: AggregationDependencies,
  results: ApplyResults,
): { again: LiveGroup[]; contended: boolean } {
  const again: LiveGroup[] = [];
  let contended = false;
  let offset = 0;
  for (const { entry, items } of pack) {
    const own = reasons.slice(offset, offset + items.length);
    offset += items.length;
    const applied = entry.pending.filter((_, index) => own[index]?.Code === 'ConditionalCheckFailed');
    if (applied.length > 0) {
      // Each such round leaves out at least one activity: it ends, and it is not contention.
      for (const activity of applied) results.set(activity.pk, 'duplicate');
      entry.pending = entry.pending.filter((activity) => !applied.includes(activity));
      if (entry.pending.length > 0) again.push(entry);
    } else if (isRetryableCancellation(own)) {
      contended = true;
      entry.attempt += 1;
      if (entry.attempt <= deps.config.workerConflictAttempts) again.push(entry);
      // The activity ids, not the user's: the message reaches logs, which outlive an erasure.
      else settle([entry], contentionError(entry, deps), results);
    } else again.push(entry);
  }
  return { again, contended };
}

function contentionError(entry: LiveGroup, deps: AggregationDependencies): TotalsContentionError {
  const ids = entry.pending.map((activity) => activity.id).join(', ');
  return new TotalsContentionError(
    `the aggregates of activities ${ids} kept changing during ${deps.config.workerConflictAttempts} attempts`,
  );
}

function settle(live: readonly LiveGroup[], error: Error, results: ApplyResults): void {
  for (const entry of live) for (const activity of entry.pending) results.set(activity.pk, error);
}

const maxAttempt = (live: readonly LiveGroup[]): number => Math.max(1, ...live.map((entry) => entry.attempt));

/** A total or the progress changed under us (condition) or another transaction held an item (conflict). */
function isRetryableCancellation(reasons: readonly CancellationReason[]): boolean {
  return reasons.some(
    (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
  );
}
