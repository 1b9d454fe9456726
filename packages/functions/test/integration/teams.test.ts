/**
 * Team boards on real parts: activities recorded through the resolver bundles by users whose team
 * comes from their token or from an admin, applied by the worker (each delivered twice), ranked
 * by the rebuilder and published through the real publish resolver, then read back.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { decodeAuditRecord, decodeTeamCounter } from '@leaderboard/core/items/decode';
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
} from '@leaderboard/resolvers/test-support/engine';
import type { SQSRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { runRebuild } from '../../src/rebuild/run-rebuild.ts';
import { lambdaContext, sqsEvent, sqsRecord } from '../support/activities.ts';
import { testWorker } from '../support/worker.ts';

/** A user signed in with a token whose team claim names `teamId`. */
const member = (userId: string, teamId: string | null, groups = '') => ({
  resolverContext: { userId, displayName: userId, groups, ...(teamId ? { teamId } : {}) },
});

describe('team boards', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), member('admin', null, 'admins'));

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
  });

  const record = async (userId: string, teamId: string | null, type: string, quantity: number) => {
    const outcome = await call(
      'Mutation.recordActivity',
      { input: { type, quantity } },
      member(userId, teamId),
    );
    expect(outcome.errors, `${userId} ${type}`).toEqual([]);
  };

  /** The pipe and the queue: every recorded activity's stream record, each delivered twice. */
  const applyAll = async () => {
    const stored = await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity);
    const bodies = stored.map((item, index) =>
      JSON.stringify({
        eventID: `e${index}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          Keys: marshall({ pk: item['pk'] }),
          NewImage: marshall(item),
          StreamViewType: 'NEW_IMAGE',
        },
      }),
    );
    const worker = testWorker(documentClient);
    const records: SQSRecord[] = [...bodies, ...bodies].map((body) => sqsRecord(body));
    for (let start = 0; start < records.length; start += 10) {
      const result = await worker.handler(
        sqsEvent(records.slice(start, start + 10)),
        lambdaContext('worker'),
      );
      expect(result.batchItemFailures).toEqual([]);
    }
  };

  const rebuild = async () => {
    const published: PublishLeaderboardInput[] = [];
    const summary = await runRebuild({
      documentClient,
      scoresTable: scoresTable.name,
      shards: serviceConfig.scoreShards,
      topN: serviceConfig.topN,
      config: serviceConfig,
      publish: async (input) => {
        const outcome = await call('Mutation.publishLeaderboard', { input }, rebuilderIdentity);
        expect(outcome.errors).toEqual([]);
        published.push(outcome.data as PublishLeaderboardInput);
      },
    });
    expect(summary.failures).toEqual([]);
    return published;
  };

  it('ranks a big and a small team by points and by points per member', async () => {
    // Big: 4 members, 60 points each (240, 60 a member). Small: 2 members, 100 each (200, 100 a member).
    for (const userId of ['b1', 'b2', 'b3', 'b4']) await record(userId, 'big', 'cycling', 60);
    await record('s1', 'small', 'running', 50);
    // Their token says big, an admin says small: the admin wins.
    const assigned = await call('Mutation.setUserTeam', { userId: 's2', teamId: 'small', reason: 'moved' });
    expect(assigned.errors).toEqual([]);
    expect(assigned.data).toMatchObject({ userId: 's2', teamId: 'small', assignedBy: 'admin' });
    await record('s2', 'big', 'running', 50);
    await record('loner', null, 'running', 200);

    await applyAll();
    const published = await rebuild();

    const teamBoard = published.find((board) => board.boardId === 'team:global')!;
    const rows = (list: { teamId: string; rank: number; points: number; members: number }[]) =>
      list.map(({ teamId, rank, points, members }) => ({ teamId, rank, points, members }));
    expect(rows(teamBoard.teams!.byPoints)).toEqual([
      { teamId: 'big', rank: 1, points: 240, members: 4 },
      { teamId: 'small', rank: 2, points: 200, members: 2 },
    ]);
    expect(rows(teamBoard.teams!.byPointsPerMember)).toEqual([
      { teamId: 'small', rank: 1, points: 200, members: 2 },
      { teamId: 'big', rank: 2, points: 240, members: 4 },
    ]);
    expect(teamBoard.teams!.byPointsPerMember.map((team) => team.pointsPerMember)).toEqual([100, 60]);
    expect(published.map((board) => board.boardId)).toEqual(
      expect.arrayContaining(['global', 'team:global', expect.stringMatching(/^team:week:/)]),
    );

    const read = await call('Query.leaderboard', { boardId: 'team:global' }, null);
    expect(read.errors).toEqual([]);
    expect(read.data).toMatchObject({
      boardId: 'team:global',
      entries: [
        { rank: 1, userId: 'big', displayName: 'big', score: 240 },
        { rank: 2, userId: 'small', displayName: 'small', score: 200 },
      ],
      teams: { byPoints: teamBoard.teams!.byPoints, byPointsPerMember: teamBoard.teams!.byPointsPerMember },
    });
    const users = await call('Query.leaderboard', {}, null);
    expect((users.data as { teams: unknown }).teams).toBeNull();
  });

  it('counts a user who changes team as a member of each team once, with counters spread over shards', async () => {
    await record('mover', 'red', 'cycling', 30);
    await record('mover', 'red', 'cycling', 20);
    const moved = await call('Mutation.setUserTeam', { userId: 'mover', teamId: 'blue', reason: 'moved' });
    expect(moved.errors).toEqual([]);
    await record('mover', 'red', 'yoga', 15);
    for (const userId of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']) await record(userId, 'red', 'yoga', 10);

    await applyAll();
    const published = await rebuild();

    const byPoints = published.find((board) => board.boardId === 'team:global')!.teams!.byPoints;
    expect(byPoints.map(({ teamId, points, members }) => ({ teamId, points, members }))).toEqual([
      { teamId: 'red', points: 110, members: 7 },
      { teamId: 'blue', points: 15, members: 1 },
    ]);
    const counters = (await itemsOfKind(documentClient, scoresTable.name, itemKinds.teamCounter))
      .map(decodeTeamCounter)
      .filter((counter) => counter.boardId === 'global' && counter.teamId === 'red');
    expect(new Set(counters.map((counter) => counter.shard)).size).toBeGreaterThan(1);
    expect(counters.reduce((sum, counter) => sum + counter.points, 0)).toBe(110);
  });

  it('lets only admins set a team, with a reason and a usable team id, each kept in the audit trail', async () => {
    const set = (args: Record<string, unknown>, identity?: ReturnType<typeof member>) =>
      call('Mutation.setUserTeam', { userId: 'x', teamId: 'red', reason: 'joined red', ...args }, identity);
    expect((await set({}, member('x', null))).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    for (const [args, field] of [
      [{ teamId: 'red team' }, 'teamId'],
      [{ userId: 'a#b' }, 'userId'],
      [{ reason: ' ' }, 'reason'],
    ] as const) {
      expect((await set(args)).errors, field).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field } }),
      ]);
    }
    expect((await set({})).errors).toEqual([]);
    const cleared = await set({ teamId: null, reason: 'left red' });
    expect(cleared.errors).toEqual([]);
    expect(cleared.data).toMatchObject({ userId: 'x', teamId: null, assignedBy: 'admin' });
    expect(await itemsOfKind(documentClient, scoresTable.name, itemKinds.teamAssignment)).toEqual([]);

    const trail = (await itemsOfKind(documentClient, scoresTable.name, itemKinds.auditRecord)).map(
      decodeAuditRecord,
    );
    expect(
      trail.map(({ action, actor, reason, subjectUserId, target }) => ({
        action,
        actor,
        reason,
        subjectUserId,
        target,
      })),
    ).toEqual([
      { action: 'setUserTeam', actor: 'admin', reason: 'joined red', subjectUserId: 'x', target: 'red' },
      { action: 'setUserTeam', actor: 'admin', reason: 'left red', subjectUserId: 'x', target: null },
    ]);
  });
});
