/**
 * eraseUser on the real parts: the resolver bundle calls the eraser Lambda's handler (a batch per
 * call, continued with its token), the worker and rebuilder run as in production. Afterwards a
 * scan of both tables finds nothing that names the user, the boards are published without them
 * and the audit trail keeps the erasure without personal data.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import {
  globalBoardId,
  programBoardId,
  teamBoardId,
  timeWindows,
  windowBoardId,
} from '@leaderboard/core/boards';
import { serviceConfig } from '@leaderboard/core/config';
import type { Activity, AuditPage, Erasure, Leaderboard } from '@leaderboard/core/generated/schema';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
} from '@leaderboard/resolvers/test-support/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { BoardChangeMarker } from '../../src/aggregation/board-changes.ts';
import { createEraserHandler } from '../../src/operations/eraser-handler.ts';
import {
  adminIdentity,
  deliveringWorker,
  everyItem,
  insertMessage,
  memberIdentity,
  rebuildChanged,
} from '../support/operations.ts';

describe('eraseUser', () => {
  const { documentClient, endpoint } = testDynamo();
  const eraser = createEraserHandler({
    documentClient,
    tables: { activities: activitiesTable.name, scores: scoresTable.name },
    config: { ...serviceConfig, historyIndexLagSeconds: 0 },
    boardChanges: new BoardChangeMarker({ documentClient, scoresTable: scoresTable.name, ttlSeconds: 3600 }),
    // No time for a second step: every call does one, so the erasure goes on over several tokens.
    budgetMs: 0,
    logger: new Logger({ logLevel: 'SILENT' }),
  });
  const call = caller(testEngine(endpoint, { eraser }), adminIdentity());
  const deliver = deliveringWorker(documentClient);
  const erased = 'erin-7f3a';
  const now = Date.now();
  const userBoards = [
    globalBoardId,
    programBoardId('spring'),
    ...timeWindows.map((w) => windowBoardId(w, now)),
  ];

  const record = async (userId: string, input: Record<string, unknown>) => {
    const outcome = await call('Mutation.recordActivity', { input }, memberIdentity(userId, 'green'));
    expect(outcome.errors).toEqual([]);
    return outcome.data as Activity;
  };
  const deliverInserts = async (kind: string) =>
    expect(
      await deliver((await itemsOfKind(documentClient, activitiesTable.name, kind)).map(insertMessage)),
    ).toEqual([]);
  const board = async (boardId: string) =>
    ((await call('Query.leaderboard', { boardId }, null)).data as Leaderboard).entries.map(
      (entry) => entry.userId,
    );
  const erase = (input: Record<string, unknown>, identity = adminIdentity()) =>
    call('Mutation.eraseUser', { input: { userId: erased, reason: 'Ticket GDPR-1042', ...input } }, identity);

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring')]);
    await awayFromMinuteBoundary();
  });

  it('deletes every item about the user in resumable batches; boards are republished without them', async () => {
    const assigned = await call('Mutation.setUserTeam', {
      userId: erased,
      teamId: 'green',
      reason: 'Moved desks',
    });
    expect(assigned.errors).toEqual([]);
    const run = await record(erased, { type: 'running', quantity: 45, programId: 'spring' });
    await record(erased, { type: 'steps', quantity: 4_000, idempotencyKey: 'walk-1' });
    await record('frank', { type: 'running', quantity: 20, programId: 'spring' });
    await record('gina', { type: 'yoga', quantity: 30, programId: 'spring' });
    await deliverInserts(itemKinds.activity);
    const reason = { reason: `Asked by ${erased}` };
    expect(
      (
        await call('Mutation.reverseActivity', {
          input: { userId: erased, activityKey: 'walk-1', ...reason },
        })
      ).errors,
    ).toEqual([]);
    expect(
      (
        await call('Mutation.disqualifyUser', {
          input: { userId: erased, boardId: userBoards[3], ...reason },
        })
      ).errors,
    ).toEqual([]);
    await deliverInserts(itemKinds.reversal);
    await rebuildChanged(documentClient);
    for (const boardId of userBoards.slice(0, 3)) expect(await board(boardId), boardId).toContain(erased);

    const before = await everyItem(documentClient);
    expect((await erase({}, memberIdentity('frank'))).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    expect(await everyItem(documentClient)).toEqual(before);

    let outcome = await erase({});
    const calls: Erasure[] = [];
    while (outcome.errors.length === 0 && !(outcome.data as Erasure).done) {
      calls.push(outcome.data as Erasure);
      outcome = await erase({ nextToken: (outcome.data as Erasure).nextToken });
    }
    expect(outcome.errors).toEqual([]);
    expect(calls.length).toBeGreaterThan(2);
    const erasureId = (outcome.data as Erasure).erasureId;
    expect(calls.every((batch) => batch.erasureId === erasureId)).toBe(true);

    const left = (await everyItem(documentClient)).filter((item) => JSON.stringify(item).includes(erased));
    expect(left).toEqual([]);

    const published = await rebuildChanged(documentClient);
    expect(published.boards.map((rebuilt) => rebuilt.boardId)).toEqual(
      expect.arrayContaining(userBoards.slice(0, 3)),
    );
    for (const boardId of userBoards) expect(await board(boardId), boardId).not.toContain(erased);
    const teams = (await call('Query.leaderboard', { boardId: teamBoardId(globalBoardId) }, null))
      .data as Leaderboard;
    expect(teams.teams?.byPoints).toEqual([
      expect.objectContaining({ teamId: 'green', points: 40 + 30, members: 2 }),
    ]);

    const audit = ((await call('Query.auditLog', {})).data as AuditPage).items;
    const erasure = audit.find((entry) => entry.action === 'ERASE_USER')!;
    expect(erasure).toMatchObject({ target: erasureId, actor: 'root', subjectUserId: null });
    expect(JSON.parse(erasure.details as string)).toMatchObject({ status: 'completed' });
    expect(JSON.stringify(audit)).not.toContain(erased);
    expect(audit.filter((entry) => entry.action !== 'ERASE_USER')).toEqual([
      expect.objectContaining({ action: 'DISQUALIFY_USER', reason: `Redacted by erasure ${erasureId}.` }),
      expect.objectContaining({ action: 'REVERSE_ACTIVITY', reason: `Redacted by erasure ${erasureId}.` }),
      expect.objectContaining({ action: 'SET_USER_TEAM', reason: `Redacted by erasure ${erasureId}.` }),
    ]);
    expect(run.id).toBeTruthy();

    // Their token still works, and they start from zero.
    await record(erased, { type: 'yoga', quantity: 10 });
    await deliverInserts(itemKinds.activity);
    await rebuildChanged(documentClient);
    const global = ((await call('Query.leaderboard', { boardId: globalBoardId }, null)).data as Leaderboard)
      .entries;
    expect(global.find((entry) => entry.userId === erased)).toMatchObject({ score: 10 });
  });

  it('refuses a token of another user', async () => {
    await record(erased, { type: 'yoga', quantity: 10 });
    const first = (await erase({})).data as Erasure;
    const other = await call('Mutation.eraseUser', {
      input: { userId: 'frank', reason: 'Ticket GDPR-1043', nextToken: first.nextToken },
    });
    expect(other.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
  });
});
