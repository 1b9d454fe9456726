/**
 * Programs, progress and history through the whole local stack: GraphQL over HTTP with tokens
 * the local issuer signs (groups in `cognito:groups`, checked by the real authorizer), every
 * data source and function held to its role's grants, the activity reaching the worker through
 * the stream pipe and the queue.
 */
import {
  CreateProgramDocument,
  MyActivitiesDocument,
  MyProgressDocument,
  ProgramsDocument,
  RecordActivitiesDocument,
  RecordActivityDocument,
} from '@leaderboard/core/generated/operations';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { postGraphQL, until } from './stack-test-kit.ts';

let stack: LocalStack;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ log: (line) => logLines.push(line) });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('programs through the local stack', () => {
  const input = () => ({
    id: 'walk-more',
    name: 'Walk More',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    activityTypes: ['steps'],
    pointsGoal: 50,
  });
  const as = (token: string) => ({ authorization: token });
  const send = <Data>(
    document: Parameters<typeof print>[0],
    variables: object,
    headers: Record<string, string>,
  ) => postGraphQL<Data>(stack.graphqlUrl, print(document), variables as Record<string, unknown>, headers);
  /** Waits for what the pipeline does, showing the stack's log when it does not happen in time. */
  const untilPipeline = (condition: () => Promise<boolean>, what: string) =>
    until(condition, what, 30_000).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\nlog:\n${logLines.join('\n')}`);
    });

  it('lets an admin create a program, a user count activities in it and read progress and history', async () => {
    const admin = await stack.mintToken({ sub: 'boss', name: 'Boss', groups: ['admins'] });
    const user = await stack.mintToken({ sub: 'walker', name: 'Walker' });

    const refused = await send(CreateProgramDocument, { input: input() }, as(user));
    expect(refused.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    const created = await send(CreateProgramDocument, { input: input() }, as(admin));
    expect(created.errors).toBeUndefined();

    const listed = await send<{ programs: Array<{ id: string; status: string }> }>(
      ProgramsDocument,
      { status: 'ACTIVE' },
      { 'x-api-key': stack.apiKey },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.programs.map((program) => [program.id, program.status])).toEqual([
      ['walk-more', 'ACTIVE'],
    ]);

    const recorded = await send<{ recordActivity: { points: number } }>(
      RecordActivityDocument,
      { input: { type: 'steps', quantity: 6_000, programId: 'walk-more' } },
      as(user),
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordActivity.points).toBe(60);

    const progressOf = () =>
      send<{ myProgress: { points: number; percent: number; completedAt: string | null } | null }>(
        MyProgressDocument,
        { programId: 'walk-more' },
        as(user),
      );
    await untilPipeline(
      async () => (await progressOf()).data?.myProgress?.points === 60,
      'the progress the worker keeps',
    );
    expect((await progressOf()).data?.myProgress).toMatchObject({
      percent: 100,
      completedAt: expect.any(String),
    });

    const history = await send<{ myActivities: { items: Array<{ points: number; programId: string }> } }>(
      MyActivitiesDocument,
      { limit: 10 },
      as(user),
    );
    expect(history.errors).toBeUndefined();
    expect(history.data?.myActivities.items).toEqual([
      expect.objectContaining({ points: 60, programId: 'walk-more' }),
    ]);
  });

  it('records a synced batch in one call, each activity counted once for the program', async () => {
    const admin = await stack.mintToken({ sub: 'boss', name: 'Boss', groups: ['admins'] });
    const user = await stack.mintToken({ sub: 'syncer', name: 'Syncer' });
    const program = { ...input(), id: 'sync-walk', pointsGoal: 100 };
    expect((await send(CreateProgramDocument, { input: program }, as(admin))).errors).toBeUndefined();

    const inputs = [
      { type: 'steps', quantity: 2_000, programId: 'sync-walk', idempotencyKey: 'sync-1' },
      { type: 'yoga', quantity: 15, idempotencyKey: 'sync-2' },
      { type: 'steps', quantity: 3_000, programId: 'sync-walk', idempotencyKey: 'sync-3' },
    ];
    const recorded = await send<{ recordActivities: Array<{ id: string; points: number }> }>(
      RecordActivitiesDocument,
      { inputs },
      as(user),
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordActivities.map((activity) => activity.points)).toEqual([20, 15, 30]);
    // The same call again, as a device retries after a lost answer: nothing counts twice.
    expect((await send(RecordActivitiesDocument, { inputs }, as(user))).data).toEqual(recorded.data);

    const progressOf = () =>
      send<{ myProgress: { points: number } | null }>(
        MyProgressDocument,
        { programId: 'sync-walk' },
        as(user),
      );
    await untilPipeline(
      async () => (await progressOf()).data?.myProgress?.points === 50,
      'the progress the worker keeps',
    );
    const history = await send<{ myActivities: { items: Array<{ id: string }> } }>(
      MyActivitiesDocument,
      { limit: 10 },
      as(user),
    );
    const ids = (recorded.data?.recordActivities ?? []).map((activity) => activity.id).sort();
    expect(history.data?.myActivities.items.map((item) => item.id).sort()).toEqual(ids);
  });
});
