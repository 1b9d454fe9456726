/**
 * Erasing a user (GDPR), one bounded batch per call: every activity they recorded before the
 * erasure started, with its reversal and the counters beside it; then their aggregates, brought to
 * what is left of their log (nothing, or what they recorded since: they start from zero), which
 * takes their share back from team counters and score histograms and marks their boards for a
 * rebuild without them; then their entries in those boards' snapshots; then every other item about them (team, disqualifications), and their id
 * and reasons in the audit entries about them. A last pass checks the log holds nothing older.
 *
 * Each step is idempotent, so a call that fails is simply made again with the same token. The
 * erasure's own audit entry names it by an opaque id, never the user.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { activityAttributes } from '@leaderboard/core/items/activity';
import {
  auditActions,
  auditPartition,
  auditRecordAttributes,
  auditRecordKey,
  encodeAuditRecord,
  parseAuditReference,
} from '@leaderboard/core/items/audit-record';
import type { ErasureAnswer, ErasureQuestion } from '@leaderboard/core/erasure';
import { utcTimestampMs } from '@leaderboard/core/items/timestamp';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import { kindAttribute } from '@leaderboard/core/items/item';
import { itemKinds } from '@leaderboard/core/keys';
import { ErasureTokenError } from './errors.ts';
import { decodeErasureToken, encodeErasureToken, type ErasureState } from './erasure-token.ts';
import { deleteKeys, disqualificationKeysOf, logPageKeys } from './erasure-items.ts';
import { stripFromSnapshot } from './erasure-snapshots.ts';
import { readPrograms } from './programs-catalog.ts';
import { recomputeUser, type RecomputeDependencies } from './recompute-user.ts';
import { readStoredUserItems } from './stored-aggregates.ts';
import { activitiesByKey, historyKeys } from './user-history.ts';

export interface EraserDependencies extends RecomputeDependencies {
  /** Time a call spends taking new steps before it answers with a token. */
  readonly budgetMs: number;
}

type Step = (deps: EraserDependencies, state: ErasureState) => Promise<ErasureState | null>;

async function startErasure(deps: EraserDependencies, question: ErasureQuestion): Promise<ErasureState> {
  const at = canonicalTimestamp((deps.now ?? Date.now)());
  const erasureId = randomUUID();
  await deps.documentClient.send(
    new PutCommand({
      TableName: deps.tables.scores,
      Item: encodeAuditRecord({
        id: erasureId,
        at,
        action: auditActions.eraseUser,
        actor: question.admin,
        reason: question.reason,
        subjectUserId: null,
        target: erasureId,
        details: { status: 'started' },
      }),
    }),
  );
  const state = { erasureId, userId: question.userId, startedAt: at, auditAt: at, cursor: null, boards: [] };
  return { ...state, phase: 'log', itemsDeleted: 0, boardsChanged: 0 };
}

/** One page of the user's history: the activities recorded before the erasure, and what sits beside them. */
const eraseLogPage: Step = async (deps, state) => {
  const page = await deps.documentClient.send(
    new QueryCommand({
      TableName: deps.tables.activities,
      IndexName: 'byUser',
      KeyConditionExpression: '#userId = :userId',
      ExpressionAttributeNames: { '#userId': activityAttributes.userId },
      ExpressionAttributeValues: { ':userId': state.userId },
      Limit: 100,
      ...(state.cursor ? { ExclusiveStartKey: state.cursor } : {}),
    }),
  );
  const before = (page.Items ?? []).filter(
    (item) => utcTimestampMs(item[activityAttributes.recordedAt] as string) < utcTimestampMs(state.startedAt),
  );
  const keys = logPageKeys(state.userId, before);
  await deleteKeys(deps, deps.tables.activities, [...keys.counted, ...keys.beside]);
  const cursor = page.LastEvaluatedKey ?? null;
  return {
    ...state,
    cursor,
    phase: cursor ? 'log' : 'aggregates',
    itemsDeleted: state.itemsDeleted + keys.counted.length,
  };
};

const eraseAggregates: Step = async (deps, state) => {
  const outcome = await recomputeUser(
    deps,
    state.userId,
    { boards: 'all', programs: 'all' },
    await readPrograms(deps),
  );
  return {
    ...state,
    phase: 'snapshots',
    boards: outcome.changedBoards,
    itemsDeleted: state.itemsDeleted + outcome.removed,
    boardsChanged: state.boardsChanged + outcome.changedBoards.length,
  };
};

/** Snapshots read at once in one step: a user on many boards takes several steps. */
const snapshotsPerStep = 25;

const eraseSnapshotEntries: Step = async (deps, state) => {
  const boards = state.boards.slice(0, snapshotsPerStep);
  await Promise.all(boards.map((boardId) => stripFromSnapshot(deps, boardId, state.userId)));
  const rest = state.boards.slice(snapshotsPerStep);
  return { ...state, boards: rest, phase: rest.length > 0 ? 'snapshots' : 'items' };
};

/** Takes the user's id and the admins' words about them out of an audit entry. */
async function redactAuditEntry(deps: EraserDependencies, auditSk: string, erasureId: string): Promise<void> {
  const names = auditRecordAttributes;
  await deps.documentClient
    .send(
      new UpdateCommand({
        TableName: deps.tables.scores,
        Key: { [names.pk]: auditPartition, [names.sk]: auditSk },
        UpdateExpression: 'SET #reason = :redacted REMOVE #subject, #target',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: {
          '#pk': names.pk,
          '#reason': names.reason,
          '#subject': names.subjectUserId,
          '#target': names.target,
        },
        ExpressionAttributeValues: { ':redacted': `Redacted by erasure ${erasureId}.` },
      }),
    )
    .catch((error: Error) => {
      // An entry gone already has nothing left to redact.
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Everything else in the user's partition, their pointers' audit entries redacted first, and their disqualifications. */
const eraseUserItems: Step = async (deps, state) => {
  const stored = await readStoredUserItems(deps, state.userId);
  for (const item of stored.others) {
    if (item[kindAttribute] !== itemKinds.auditReference) continue;
    const reference = parseAuditReference(item);
    if (reference.ok) await redactAuditEntry(deps, reference.value.auditSk, state.erasureId);
  }
  const keys = [
    ...stored.others.map((item) => ({ pk: item['pk'] as string, sk: item['sk'] as string })),
    ...(await disqualificationKeysOf(deps, state.userId)),
  ];
  await deleteKeys(deps, deps.tables.scores, keys);
  return { ...state, phase: 'verify', itemsDeleted: state.itemsDeleted + keys.length };
};

/** Whether the log still holds an activity recorded before the erasure (the index may have lagged behind). */
const verifyLog: Step = async (deps, state) => {
  const left = (await activitiesByKey(deps, await historyKeys(deps, state.userId))).filter(
    (activity) => utcTimestampMs(activity.recordedAt) < utcTimestampMs(state.startedAt),
  );
  return left.length > 0 ? { ...state, phase: 'log', cursor: null } : null;
};

const steps: Record<ErasureState['phase'], Step> = {
  log: eraseLogPage,
  aggregates: eraseAggregates,
  snapshots: eraseSnapshotEntries,
  items: eraseUserItems,
  verify: verifyLog,
};

async function completeAudit(deps: EraserDependencies, state: ErasureState): Promise<void> {
  const names = auditRecordAttributes;
  await deps.documentClient.send(
    new UpdateCommand({
      TableName: deps.tables.scores,
      Key: { ...auditRecordKey({ at: state.auditAt, id: state.erasureId }) },
      UpdateExpression: 'SET #details = :details',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#pk': names.pk, '#details': names.details },
      ExpressionAttributeValues: {
        ':details': {
          status: 'completed',
          itemsDeleted: state.itemsDeleted,
          boardsChanged: state.boardsChanged,
        },
      },
    }),
  );
}

async function readState(deps: EraserDependencies, question: ErasureQuestion): Promise<ErasureState> {
  if (question.nextToken === null) return startErasure(deps, question);
  const state = decodeErasureToken(question.nextToken, question.userId);
  const entry = await deps.documentClient.send(
    new GetCommand({
      TableName: deps.tables.scores,
      Key: { ...auditRecordKey({ at: state.auditAt, id: state.erasureId }) },
    }),
  );
  if (!entry.Item) throw new ErasureTokenError('nextToken names no erasure on record.');
  return state;
}

export async function eraseUserBatch(
  deps: EraserDependencies,
  question: ErasureQuestion,
): Promise<ErasureAnswer> {
  const now = deps.now ?? Date.now;
  const deadline = now() + deps.budgetMs;
  let state: ErasureState;
  try {
    state = await readState(deps, question);
  } catch (error) {
    if (error instanceof ErasureTokenError) return { refused: error.message, erasure: null };
    throw error;
  }
  const first = state;
  const progress = (done: boolean, current: ErasureState) => ({
    erasureId: current.erasureId,
    done,
    nextToken: done ? null : encodeErasureToken(current),
    itemsDeleted: current.itemsDeleted - first.itemsDeleted,
    boardsChanged: current.boardsChanged - first.boardsChanged,
  });
  // At least one step a call, however short the budget: every call moves the erasure on.
  do {
    const next = await steps[state.phase](deps, state);
    if (next === null) {
      await completeAudit(deps, state);
      return { refused: null, erasure: progress(true, state) };
    }
    state = next;
  } while (now() < deadline);
  return { refused: null, erasure: progress(false, state) };
}
