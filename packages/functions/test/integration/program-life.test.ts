/**
 * Programs and time windows end to end on real parts, minus the transports: an admin creates
 * and edits programs and users record activities through the resolver bundles, the worker
 * applies the activities' stream records (each delivered twice), the rebuilder publishes
 * through the real `publishLeaderboard` resolver, and the queries read back.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { timeWindows, windowBoardId } from '@leaderboard/core/boards';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  rebuilderIdentity,
  testDynamo,
  testEngine,
  userIdentity,
} from '@leaderboard/resolvers/test-support/engine';
import type { AppSyncIdentity } from 'appsync-local';
import { beforeEach, describe, expect, it } from 'vitest';
import { runRebuild } from '../../src/rebuild/run-rebuild.ts';
import { sqsRecord } from '../support/activities.ts';
import { asBatchHandler } from '../support/delivery.ts';
import { rebuildDependencies } from '../support/rebuilder.ts';
import { testWorker } from '../support/worker.ts';

const admin: AppSyncIdentity = { resolverContext: { userId: 'boss', displayName: 'Boss', groups: 'admins' } };
const hours = (count: number) => count * 3_600_000;
const isoIn = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('programs and time windows, recorded, applied, published and read', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), userIdentity('ada'));
  // A fresh worker (a new Lambda container) for each test: one remembers the board change marks it wrote, which clearing the tables deletes.
  let worker = testWorker(documentClient);

  /** Plays the pipe: every activity insert not applied yet, delivered to the worker twice. */
  async function applyRecorded(): Promise<void> {
    const pending = (await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity)).filter(
      (item) => item['processedAt'] === undefined,
    );
    const bodies = pending.map((item) =>
      JSON.stringify({
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          Keys: marshall({ pk: item['pk'] }),
          NewImage: marshall(item),
          StreamViewType: 'NEW_IMAGE',
        },
      }),
    );
    const failed = await asBatchHandler(worker.handler)([...bodies, ...bodies].map(sqsRecord));
    expect(failed).toEqual([]);
  }

  async function rebuildAndPublish(): Promise<void> {
    const summary = await runRebuild(
      rebuildDependencies(documentClient, async (input: PublishLeaderboardInput) => {
        expect((await call('Mutation.publishLeaderboard', { input }, rebuilderIdentity)).errors).toEqual([]);
      }),
    );
    expect(summary.failures).toEqual([]);
  }

  const board = async (boardId: string) => {
    const outcome = await call('Query.leaderboard', { boardId }, null);
    expect(outcome.errors).toEqual([]);
    return (outcome.data as { entries: Array<{ userId: string; score: number }> }).entries.map((entry) => [
      entry.userId,
      entry.score,
    ]);
  };

  beforeEach(async () => {
    await clearAllTables(documentClient);
    worker = testWorker(documentClient);
    await awayFromMinuteBoundary();
  });

  it('lives a program: created upcoming (refused), running (counts), ended (refused)', async () => {
    const input = {
      id: 'spring',
      name: 'Spring Run',
      startsAt: isoIn(hours(1)),
      endsAt: isoIn(hours(3)),
      activityTypes: ['running'],
      pointsGoal: 100,
    };
    expect((await call('Mutation.createProgram', { input }, admin)).data).toMatchObject({
      status: 'UPCOMING',
    });
    const run = (minutes: number, key: string) =>
      call('Mutation.recordActivity', {
        input: { type: 'running', quantity: minutes, programId: 'spring', idempotencyKey: key },
      });

    const early = await run(30, 'early');
    expect(early.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
    expect(early.errors[0]!.message).toContain('before it starts');

    const opened = await call(
      'Mutation.updateProgram',
      { input: { ...input, startsAt: isoIn(-hours(1)) } },
      admin,
    );
    expect(opened.data).toMatchObject({ status: 'ACTIVE' });
    expect((await run(30, 'first')).data).toMatchObject({ points: 60, programId: 'spring' });
    expect((await run(25, 'second')).data).toMatchObject({ points: 50, programId: 'spring' });
    await applyRecorded();

    const progress = await call('Query.myProgress', { programId: 'spring' });
    expect(progress.errors).toEqual([]);
    const [, second] = await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity).then(
      (items) => items.sort((a, b) => String(a['recordedAt']).localeCompare(String(b['recordedAt']))),
    );
    expect(progress.data).toMatchObject({
      program: { id: 'spring', status: 'ACTIVE' },
      points: 110,
      activities: 2,
      goal: 100,
      percent: 100,
      completedAt: second!['recordedAt'],
    });
    await rebuildAndPublish();
    expect(await board('program:spring')).toEqual([['ada', 110]]);
    expect((await call('Query.myPrograms', {})).data).toEqual([expect.objectContaining({ points: 110 })]);

    const closed = await call(
      'Mutation.updateProgram',
      { input: { ...input, startsAt: isoIn(-hours(2)), endsAt: isoIn(-60_000) } },
      admin,
    );
    expect(closed.data).toMatchObject({ status: 'ENDED' });
    const late = await run(10, 'late');
    expect(late.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError' })]);
    expect(late.errors[0]!.message).toContain('after it ended');
    expect(await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity)).toHaveLength(2);
    // Ended, and the caller took part: still among their programs, with what counted.
    expect((await call('Query.myPrograms', {})).data).toEqual([
      expect.objectContaining({ program: expect.objectContaining({ status: 'ENDED' }), points: 110 }),
    ]);
  });

  it('refuses a user who is not an admin creating or editing a program', async () => {
    const input = {
      id: 'mine',
      name: 'Mine',
      startsAt: isoIn(0),
      endsAt: isoIn(hours(1)),
      activityTypes: ['yoga'],
    };
    for (const field of ['Mutation.createProgram', 'Mutation.updateProgram'] as const) {
      const outcome = await call(field, { input });
      expect(outcome.errors, field).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    }
    expect(await itemsOfKind(documentClient, scoresTable.name, itemKinds.program)).toEqual([]);
  });

  it('builds a week board and a month board from the same activities', async () => {
    // One activity a day for the last week: they span two ISO weeks (unless today is a Sunday), maybe two months.
    const activities: Array<{ userId: string; occurredAtMs: number; points: number }> = [];
    for (let day = 0; day < 7; day += 1) {
      for (const [userId, minutes] of [
        ['ada', 10 + day],
        ['grace', 20 - day],
      ] as const) {
        const occurredAtMs = Date.now() - day * 86_400_000 - 60_000;
        const input = {
          type: 'running',
          quantity: minutes,
          occurredAt: new Date(occurredAtMs).toISOString(),
        };
        const outcome = await call('Mutation.recordActivity', { input }, userIdentity(userId));
        expect(outcome.errors).toEqual([]);
        activities.push({ userId, occurredAtMs, points: (outcome.data as { points: number }).points });
      }
    }
    await applyRecorded();
    await rebuildAndPublish();

    for (const window of timeWindows) {
      const expected = new Map<string, Map<string, number>>();
      for (const activity of activities) {
        const boardId = windowBoardId(window, activity.occurredAtMs);
        const scores = expected.get(boardId) ?? new Map<string, number>();
        scores.set(activity.userId, (scores.get(activity.userId) ?? 0) + activity.points);
        expected.set(boardId, scores);
      }
      for (const [boardId, scores] of expected) {
        const ranked = [...scores].sort(([userA, a], [userB, b]) => b - a || userA.localeCompare(userB));
        expect(await board(boardId), boardId).toEqual(ranked);
      }
      // Each window's boards together hold every point, as the all-time board does.
      const sum = [...expected.values()].flatMap((scores) => [...scores.values()]).reduce((a, b) => a + b, 0);
      expect(sum).toBe(activities.reduce((total, activity) => total + activity.points, 0));
    }
  });
});
