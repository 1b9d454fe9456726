/**
 * disqualifyUser and reinstateUser on the real parts: the resolver bundles write the entry and the
 * audit trail; the rebuilder (as scheduled: from the previous tick) republishes the boards, without
 * the user and then with them; myStanding says so. Also the audit trail's pages.
 */
import { globalBoardId, timeWindows, windowBoardId } from '@leaderboard/core/boards';
import type { AuditPage, Leaderboard, Standing } from '@leaderboard/core/generated/schema';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable } from '@leaderboard/core/tables';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
} from '@leaderboard/resolvers/test-support/engine';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  adminIdentity,
  deliveringWorker,
  everyItem,
  insertMessage,
  memberIdentity,
  rebuildChanged,
} from '../support/operations.ts';

describe('disqualifyUser and reinstateUser', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), adminIdentity());
  const deliver = deliveringWorker(documentClient);
  const week = windowBoardId(timeWindows[0]!, Date.now());
  const reason = 'Shared account';

  const board = async (boardId: string) =>
    ((await call('Query.leaderboard', { boardId }, null)).data as Leaderboard).entries.map(
      (entry) => `${entry.rank}:${entry.userId}`,
    );
  const standing = async (userId: string, boardId: string) =>
    (await call('Query.myStanding', { boardId }, memberIdentity(userId))).data as Standing;
  const act = (
    field: 'disqualifyUser' | 'reinstateUser',
    userId: string,
    boardId: string | null,
    identity = adminIdentity(),
  ) => call(`Mutation.${field}`, { input: { userId, boardId, reason } }, identity);

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
    for (const [userId, quantity] of [
      ['ann', 60],
      ['ben', 40],
      ['cat', 20],
    ] as const) {
      const outcome = await call(
        'Mutation.recordActivity',
        { input: { type: 'running', quantity } },
        memberIdentity(userId),
      );
      expect(outcome.errors).toEqual([]);
    }
    const bodies = (await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity)).map(
      insertMessage,
    );
    expect(await deliver(bodies)).toEqual([]);
    await rebuildChanged(documentClient);
  });

  it('leaves the user out of one board at the next rebuild, and brings them back when reinstated', async () => {
    expect(await board(globalBoardId)).toEqual(['1:ann', '2:ben', '3:cat']);
    expect((await act('disqualifyUser', 'ann', globalBoardId)).errors).toEqual([]);
    await rebuildChanged(documentClient);
    expect(await board(globalBoardId)).toEqual(['1:ben', '2:cat']);
    expect(await board(week)).toEqual(['1:ann', '2:ben', '3:cat']);
    expect(await standing('ann', globalBoardId)).toMatchObject({
      score: 120,
      rank: null,
      disqualified: true,
    });
    expect(await standing('ann', week)).toMatchObject({ rank: 1, disqualified: false });

    expect((await act('disqualifyUser', 'ann', globalBoardId)).errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError' }),
    ]);
    expect((await act('reinstateUser', 'ann', globalBoardId)).errors).toEqual([]);
    await rebuildChanged(documentClient);
    expect(await board(globalBoardId)).toEqual(['1:ann', '2:ben', '3:cat']);
    expect(await standing('ann', globalBoardId)).toMatchObject({ rank: 1, disqualified: false });
    expect((await act('reinstateUser', 'ann', globalBoardId)).errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError' }),
    ]);
  });

  it('leaves the user out of every board they are on', async () => {
    expect((await act('disqualifyUser', 'ben', null)).errors).toEqual([]);
    await rebuildChanged(documentClient);
    for (const boardId of [globalBoardId, ...timeWindows.map((window) => windowBoardId(window, Date.now()))])
      expect(await board(boardId), boardId).toEqual(['1:ann', '2:cat']);
    expect((await act('reinstateUser', 'ben', null)).errors).toEqual([]);
    await rebuildChanged(documentClient);
    expect(await board(week)).toEqual(['1:ann', '2:ben', '3:cat']);
  });

  it('refuses a non-admin, writing nothing', async () => {
    const before = await everyItem(documentClient);
    for (const field of ['disqualifyUser', 'reinstateUser'] as const) {
      expect((await act(field, 'ann', null, memberIdentity('ben'))).errors).toEqual([
        expect.objectContaining({ errorType: 'Unauthorized' }),
      ]);
    }
    for (const field of ['Query.auditLog', 'Query.userActivities'] as const) {
      expect((await call(field, { userId: 'ann' }, memberIdentity('ben'))).errors).toEqual([
        expect.objectContaining({ errorType: 'Unauthorized' }),
      ]);
    }
    expect(await everyItem(documentClient)).toEqual(before);
  });

  it('pages the audit trail newest first, nothing missing or repeated', async () => {
    for (const userId of ['ann', 'ben', 'cat']) {
      expect((await act('disqualifyUser', userId, week)).errors).toEqual([]);
      expect((await act('reinstateUser', userId, week)).errors).toEqual([]);
    }
    const seen: string[] = [];
    let nextToken: string | null = null;
    do {
      const page: AuditPage = (await call('Query.auditLog', { limit: 4, nextToken })).data as AuditPage;
      seen.push(...page.items.map((entry) => `${entry.action} ${entry.subjectUserId}`));
      nextToken = page.nextToken ?? null;
    } while (nextToken);
    expect(seen).toEqual([
      'REINSTATE_USER cat',
      'DISQUALIFY_USER cat',
      'REINSTATE_USER ben',
      'DISQUALIFY_USER ben',
      'REINSTATE_USER ann',
      'DISQUALIFY_USER ann',
    ]);
  });
});
