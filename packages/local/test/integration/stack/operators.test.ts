/**
 * The operators' tools through the whole local stack, every call held to its role's grants: an
 * admin reverses an activity (the reversal reaches the worker through the stream, the pipe and
 * the queue), disqualifies and reinstates a user (the rebuilder republishes each time), erases a
 * user through the `eraser` Lambda data source, and reads it all back from the audit trail.
 */
import { print } from 'graphql';
import {
  AuditLogDocument,
  DisqualifyUserDocument,
  EraseUserDocument,
  LeaderboardDocument,
  ReinstateUserDocument,
  ReverseActivityDocument,
  UserActivitiesDocument,
  type AuditLogQuery,
  type EraseUserMutation,
  type LeaderboardQuery,
  type UserActivitiesQuery,
} from '@leaderboard/core/generated/operations';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { activitiesTable, encodeActivity, serviceConfig } from '@leaderboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { postGraphQL, recordActivityMutation, until } from './stack-test-kit.ts';

let stack: LocalStack;
let startedAt: number;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ rebuildIntervalMs: 2_000, log: (line) => logLines.push(line) });
  startedAt = Date.now();
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('operators on the local stack', () => {
  const send = <Data>(document: Parameters<typeof print>[0], variables: object, token: string) =>
    postGraphQL<Data>(stack.graphqlUrl, print(document), variables as Record<string, unknown>, {
      authorization: token,
    });
  const board = async (token: string) =>
    (
      (await send<LeaderboardQuery>(LeaderboardDocument, { boardId: 'global' }, token)).data?.leaderboard
        .entries ?? []
    ).map((entry) => `${entry.userId}:${entry.score}`);
  const boardBecomes = (token: string, expected: string[], what: string) =>
    until(async () => JSON.stringify(await board(token)) === JSON.stringify(expected), what, 30_000).catch(
      (error: unknown) => {
        throw new Error(`${(error as Error).message}\nlog:\n${logLines.join('\n')}`);
      },
    );

  it('reverses, disqualifies, reinstates and erases, each in the audit trail', async () => {
    const admin = await stack.mintToken({ sub: 'boss', name: 'Boss', groups: ['admins'] });
    const alice = await stack.mintToken({
      sub: 'alice',
      name: 'Alice',
      claims: { [serviceConfig.teamClaim]: 'blue' },
    });
    const bob = await stack.mintToken({ sub: 'bob', name: 'Bob' });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 3_500 - Date.now())));
    for (const [token, input] of [
      [alice, { type: 'running', quantity: 30 }],
      [alice, { type: 'steps', quantity: 2_000 }],
      [bob, { type: 'running', quantity: 25 }],
    ] as const) {
      expect(
        (await postGraphQL(stack.graphqlUrl, recordActivityMutation, { input }, { authorization: token }))
          .errors,
      ).toBeUndefined();
    }
    await boardBecomes(bob, ['alice:80', 'bob:50'], 'the first snapshot');

    const history = await send<UserActivitiesQuery>(UserActivitiesDocument, { userId: 'alice' }, admin);
    const run = history.data!.userActivities.items.find((activity) => activity.type === 'running')!;
    const reversal = { input: { userId: 'alice', activityKey: run.key, reason: 'Logged by mistake' } };
    expect((await send(ReverseActivityDocument, reversal, alice)).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    expect((await send(ReverseActivityDocument, reversal, admin)).errors).toBeUndefined();
    await boardBecomes(bob, ['bob:50', 'alice:20'], 'the snapshot after the reversal');

    const disqualification = { input: { userId: 'bob', boardId: 'global', reason: 'Shared account' } };
    expect((await send(DisqualifyUserDocument, disqualification, bob)).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    expect((await send(DisqualifyUserDocument, disqualification, admin)).errors).toBeUndefined();
    await boardBecomes(bob, ['alice:20'], 'the snapshot without the disqualified user');
    const standing = await postGraphQL<{ myStanding: { rank: number | null; disqualified: boolean } }>(
      stack.graphqlUrl,
      'query { myStanding(boardId: "global") { rank disqualified } }',
      {},
      { authorization: bob },
    );
    expect(standing.data?.myStanding).toEqual({ rank: null, disqualified: true });
    expect((await send(ReinstateUserDocument, disqualification, admin)).errors).toBeUndefined();
    await boardBecomes(bob, ['bob:50', 'alice:20'], 'the snapshot with the reinstated user');

    let erasure = await send<EraseUserMutation>(
      EraseUserDocument,
      { input: { userId: 'alice', reason: 'Ticket 7' } },
      admin,
    );
    while (erasure.data && !erasure.data.eraseUser.done) {
      const nextToken = erasure.data.eraseUser.nextToken;
      erasure = await send<EraseUserMutation>(
        EraseUserDocument,
        { input: { userId: 'alice', reason: 'Ticket 7', nextToken } },
        admin,
      );
    }
    expect(erasure.errors).toBeUndefined();
    await boardBecomes(bob, ['bob:50'], 'the snapshot without the erased user');

    expect((await send(AuditLogDocument, {}, bob)).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    const audit = (await send<AuditLogQuery>(AuditLogDocument, { limit: 10 }, admin)).data!.auditLog.items;
    expect(audit.map((entry) => entry.action)).toEqual([
      'ERASE_USER',
      'REINSTATE_USER',
      'DISQUALIFY_USER',
      'REVERSE_ACTIVITY',
    ]);
    expect(JSON.stringify(audit)).not.toContain('alice');
  });

  it('runs the replay job with its own role: unchanged aggregates stay, a mis-scored activity is rescored', async () => {
    // One invocation has time for the whole (small) log, so it does not need to invoke itself.
    const check = await stack.functions.Replay.invoke({
      startedBy: 'operator',
      reason: 'Checking the aggregates',
    });
    expect(check).toMatchObject({ phase: 'done', usersChanged: 0 });
    expect((check as { usersReplayed: number }).usersReplayed).toBeGreaterThan(0);

    // Scored by an old rule (twice the points), as if applied long ago: written straight to the table.
    const recordedAt = new Date(Date.now() - 3_600_000).toISOString();
    const misScored = encodeActivity({
      ...{ key: 'old-1', id: 'old-1', userId: 'dora', displayName: 'Dora', type: 'steps', quantity: 5_000 },
      ...{ points: 100, basePoints: 100, programId: null, teamId: null, idempotencyKey: null },
      ...{ occurredAt: recordedAt, recordedAt, processedAt: recordedAt, countedForProgram: false },
    });
    const owner = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: stack.dynamoEndpoint,
        region: stack.region,
        credentials: stack.credentials,
      }),
    );
    await owner.send(new PutCommand({ TableName: activitiesTable.name, Item: misScored }));
    owner.destroy();
    const rescored = await stack.functions.Replay.invoke({
      startedBy: 'operator',
      reason: 'Steps rule',
      rescore: true,
    });
    expect(rescored).toMatchObject({ phase: 'done', activitiesRescored: 1, usersChanged: 1 });
    const bob = await stack.mintToken({ sub: 'bob', name: 'Bob' });
    // A tie with bob, which dora reached first.
    await boardBecomes(bob, ['dora:50', 'bob:50'], 'the snapshot with the rescored activity');
  });
});
