/**
 * Replay: every user's aggregates rebuilt from the Activities log, while the service runs, a
 * bounded page at a time. Each user is recomputed as a reversal recomputes them (conditional
 * writes, so the worker's concurrent activities are never lost or counted twice), and the run's
 * place in the log is saved after every page, on condition no other runner moved it: a stopped
 * run resumes where it was, and a page done twice writes nothing the second time.
 *
 * Why a user at a time rather than into a fresh generation of aggregates: every reader (the
 * resolvers, the rebuilder, the standing reader) would have to learn a live-generation pointer,
 * and the worker would have to write both generations during the run; recomputing a user in
 * place needs neither, and a replay of unchanged data writes nothing at all.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceConfig } from '@leaderboard/core/config';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  auditActions,
  auditRecordAttributes,
  auditRecordKey,
  encodeAuditRecord,
} from '@leaderboard/core/items/audit-record';
import { decodeReplayRun } from '@leaderboard/core/items/decode';
import type { StoredProgram } from '@leaderboard/core/items/program';
import {
  encodeReplayRun,
  replayRunAttributes,
  replayRunKey,
  type ReplayRun,
} from '@leaderboard/core/items/replay-run';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import { ReplayRunMovedError, ReplayRunNotFoundError } from './errors.ts';
import { readPrograms } from './programs-catalog.ts';
import { recomputeUser, type RecomputeDependencies } from './recompute-user.ts';
import { rescoreUser } from './rescore-user.ts';
import { hasHistory, usersInLog, usersWithAggregates, type UserPage } from './replay-users.ts';

export interface ReplayDependencies extends RecomputeDependencies {
  readonly config: RecomputeDependencies['config'] &
    Pick<ServiceConfig, 'replayPageItems' | 'replayConcurrency'>;
}

export async function startReplay(
  deps: ReplayDependencies,
  started: { readonly startedBy: string; readonly reason: string; readonly rescore?: boolean },
): Promise<ReplayRun> {
  const at = canonicalTimestamp((deps.now ?? Date.now)());
  const run: ReplayRun = {
    runId: randomUUID(),
    phase: 'log',
    cursor: null,
    lastUserId: null,
    startedBy: started.startedBy,
    reason: started.reason,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
    pages: 0,
    usersReplayed: 0,
    usersChanged: 0,
    rescore: started.rescore ?? false,
    activitiesRescored: 0,
  };
  await deps.documentClient.send(
    new PutCommand({
      TableName: deps.tables.scores,
      Item: encodeReplayRun(run),
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': replayRunAttributes.pk },
    }),
  );
  await deps.documentClient.send(
    new PutCommand({
      TableName: deps.tables.scores,
      Item: encodeAuditRecord({
        id: run.runId,
        at,
        action: auditActions.replay,
        actor: run.startedBy,
        reason: run.reason,
        subjectUserId: null,
        target: run.runId,
        details: { status: 'started', rescore: run.rescore ? 'yes' : 'no' },
      }),
    }),
  );
  return run;
}

export async function readReplayRun(deps: ReplayDependencies, runId: string): Promise<ReplayRun> {
  const result = await deps.documentClient.send(
    new GetCommand({ TableName: deps.tables.scores, Key: { ...replayRunKey(runId) }, ConsistentRead: true }),
  );
  if (!result.Item) throw new ReplayRunNotFoundError(`no replay run ${runId}`);
  return decodeReplayRun(result.Item);
}

/** Saves the run after a page, on condition it is still at the page it started from. */
async function saveRun(deps: ReplayDependencies, previous: ReplayRun, next: ReplayRun): Promise<void> {
  try {
    await deps.documentClient.send(
      new PutCommand({
        TableName: deps.tables.scores,
        Item: encodeReplayRun(next),
        ConditionExpression: '#pages = :pages',
        ExpressionAttributeNames: { '#pages': replayRunAttributes.pages },
        ExpressionAttributeValues: { ':pages': previous.pages },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new ReplayRunMovedError(`replay run ${previous.runId} was moved on by another runner`);
    throw error;
  }
}

/** Runs `task` over `items`, at most `concurrency` at once. */
async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

interface PageCounts {
  replayed: number;
  changed: number;
  rescored: number;
}

async function replayUsers(
  deps: ReplayDependencies,
  page: UserPage,
  programs: ReadonlyMap<string, StoredProgram>,
  run: Pick<ReplayRun, 'phase' | 'rescore'>,
): Promise<PageCounts> {
  const counts = { replayed: 0, changed: 0, rescored: 0 };
  await eachLimited(page.userIds, deps.config.replayConcurrency, async (userId) => {
    // A user with activities was replayed by the log phase, or came since and is the worker's.
    if (run.phase === 'leftovers' && (await hasHistory(deps, userId))) return;
    if (run.rescore && run.phase === 'log') counts.rescored += await rescoreUser(deps, userId);
    const outcome = await recomputeUser(deps, userId, { boards: 'all', programs: 'all' }, programs);
    counts.replayed += 1;
    if (outcome.changed) counts.changed += 1;
  });
  return counts;
}

/** Items a user typically has in the Scores table (totals on a few boards, progress). */
const leftoverItemsPerUser = 8;

/** Replays one page of the run and saves where it got to; the run as saved. */
export async function replayPage(
  deps: ReplayDependencies,
  run: ReplayRun,
  programs: ReadonlyMap<string, StoredProgram>,
): Promise<ReplayRun> {
  if (run.phase === 'done') return run;
  const cursor = run.cursor === null ? null : (JSON.parse(run.cursor) as Record<string, unknown>);
  const limit = deps.config.replayPageItems;
  const page =
    run.phase === 'log'
      ? await usersInLog(deps, cursor, limit, run.lastUserId)
      : // A user has many items besides their global total: read that many more to meet as many users.
        await usersWithAggregates(deps, cursor, limit * leftoverItemsPerUser, run.lastUserId);
  const counts = await replayUsers(deps, page, programs, run);
  const phaseDone = page.cursor === null;
  const nowIso = canonicalTimestamp((deps.now ?? Date.now)());
  const nextPhase = phaseDone ? (run.phase === 'log' ? 'leftovers' : 'done') : run.phase;
  const next: ReplayRun = {
    ...run,
    phase: nextPhase,
    cursor: phaseDone ? null : JSON.stringify(page.cursor),
    lastUserId: phaseDone ? null : (page.userIds[page.userIds.length - 1] ?? run.lastUserId),
    updatedAt: nowIso,
    finishedAt: nextPhase === 'done' ? nowIso : null,
    pages: run.pages + 1,
    usersReplayed: run.usersReplayed + counts.replayed,
    usersChanged: run.usersChanged + counts.changed,
    activitiesRescored: run.activitiesRescored + counts.rescored,
  };
  await saveRun(deps, run, next);
  if (next.phase === 'done') await completeAudit(deps, next);
  return next;
}

async function completeAudit(deps: ReplayDependencies, run: ReplayRun): Promise<void> {
  await deps.documentClient.send(
    new UpdateCommand({
      TableName: deps.tables.scores,
      Key: { ...auditRecordKey({ at: run.startedAt, id: run.runId }) },
      UpdateExpression: 'SET #details = :details',
      ExpressionAttributeNames: { '#details': auditRecordAttributes.details },
      ExpressionAttributeValues: {
        ':details': {
          status: 'completed',
          rescore: run.rescore ? 'yes' : 'no',
          pages: run.pages,
          usersReplayed: run.usersReplayed,
          usersChanged: run.usersChanged,
          activitiesRescored: run.activitiesRescored,
        },
      },
    }),
  );
}

/** Replays pages of the run while `goOn()` says so (time left, or always for the command line); the run as saved. */
export async function continueReplay(
  deps: ReplayDependencies,
  runId: string,
  goOn: (run: ReplayRun) => boolean,
): Promise<ReplayRun> {
  let run = await readReplayRun(deps, runId);
  // Read again for every page: a program created meanwhile counts from its first activity.
  while (run.phase !== 'done' && goOn(run)) run = await replayPage(deps, run, await readPrograms(deps));
  return run;
}
