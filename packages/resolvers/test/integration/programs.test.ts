import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import { encodeProgramCount } from '@leaderboard/core/items/program';
import { encodeProgress } from '@leaderboard/core/items/progress';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import type { AppSyncIdentity } from 'appsync-local';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
  userIdentity,
} from '../support/engine.ts';

const adminIdentity = (userId = 'root'): AppSyncIdentity => ({
  resolverContext: { userId, displayName: `Admin ${userId}`, groups: 'staff,admins' },
});

const hours = (count: number) => count * 3_600_000;
const isoIn = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A program input running from `startOffset` to `endOffset` from now. */
const programInput = (
  id: string,
  startOffset: number,
  endOffset: number,
  extra: Record<string, unknown> = {},
) => ({
  id,
  name: `Program ${id}`,
  description: 'Move more.',
  startsAt: isoIn(startOffset),
  endsAt: isoIn(endOffset),
  activityTypes: ['running', 'steps'],
  pointsGoal: 300,
  ...extra,
});

describe('programs', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), userIdentity('ada'));
  const create = (input: Record<string, unknown>, identity = adminIdentity()) =>
    call('Mutation.createProgram', { input }, identity);
  const update = (input: Record<string, unknown>, identity = adminIdentity()) =>
    call('Mutation.updateProgram', { input }, identity);
  const record = (input: Record<string, unknown>) => call('Mutation.recordActivity', { input });
  const programItems = () => itemsOfKind(documentClient, scoresTable.name, itemKinds.program);
  const activityItems = () => itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity);

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
  });

  it('lets an admin create a program that everyone reads, by id and by status', async () => {
    const created = await create(programInput('spring', -hours(1), hours(24)));
    expect(created.errors).toEqual([]);
    expect(created.data).toMatchObject({
      id: 'spring',
      name: 'Program spring',
      activityTypes: ['running', 'steps'],
      pointsGoal: 300,
      status: 'ACTIVE',
      boardId: 'program:spring',
    });
    expect(await programItems()).toEqual([expect.objectContaining({ id: 'spring', updatedBy: 'root' })]);
    expect((await create(programInput('autumn', hours(24), hours(48)))).errors).toEqual([]);
    expect((await create(programInput('winter', -hours(48), -hours(24)))).errors).toEqual([]);

    const byStatus = async (status: string | null, identity: AppSyncIdentity | null) => {
      const outcome = await call('Query.programs', status ? { status } : {}, identity);
      expect(outcome.errors).toEqual([]);
      return (outcome.data as Array<{ id: string; status: string }>).map((program) => program.id);
    };
    // The API key's caller has no identity.
    expect(await byStatus(null, null)).toEqual(['autumn', 'spring', 'winter']);
    expect(await byStatus('ACTIVE', null)).toEqual(['spring']);
    expect(await byStatus('UPCOMING', userIdentity('ada'))).toEqual(['autumn']);
    expect(await byStatus('ENDED', userIdentity('ada'))).toEqual(['winter']);
    expect((await call('Query.program', { id: 'winter' }, null)).data).toMatchObject({
      id: 'winter',
      status: 'ENDED',
    });
    expect((await call('Query.program', { id: 'summer' }, null)).data).toBeNull();
  });

  it('refuses a caller outside the admins group, writing nothing', async () => {
    const refused = await create(programInput('spring', 0, hours(1)), userIdentity('ada'));
    expect(refused.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    expect(refused.data).toBeNull();
    expect((await create(programInput('spring', 0, hours(1)), null)).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
    expect(await programItems()).toEqual([]);

    expect((await create(programInput('spring', 0, hours(1)))).errors).toEqual([]);
    const edit = await update(programInput('spring', 0, hours(2), { name: 'Mine now' }), userIdentity('ada'));
    expect(edit.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    expect(await programItems()).toEqual([expect.objectContaining({ name: 'Program spring' })]);
  });

  it('edits every field but the id and creation time, and removes a goal', async () => {
    await create(programInput('spring', -hours(1), hours(1)));
    const [before] = await programItems();
    const edited = await update(
      programInput('spring', -hours(2), hours(5), {
        name: 'Spring Steps',
        description: '',
        activityTypes: ['yoga'],
        pointsGoal: null,
      }),
      adminIdentity('second-admin'),
    );
    expect(edited.errors).toEqual([]);
    expect(edited.data).toMatchObject({ name: 'Spring Steps', activityTypes: ['yoga'], pointsGoal: null });
    const [after] = await programItems();
    expect(after).toMatchObject({
      createdAt: before!['createdAt'],
      updatedBy: 'second-admin',
      description: '',
    });
    expect(after).not.toHaveProperty('pointsGoal');
  });

  it('refuses an id in use, an edit of no program and invalid fields with the field at fault', async () => {
    expect((await create(programInput('spring', 0, hours(1)))).errors).toEqual([]);
    expect((await create(programInput('spring', 0, hours(3)))).errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field: 'id' } }),
    ]);
    expect((await update(programInput('summer', 0, hours(1)))).errors).toEqual([
      expect.objectContaining({ errorType: 'NotFound', errorInfo: { field: 'id' } }),
    ]);
    for (const [change, field] of [
      [{ endsAt: isoIn(-hours(1)) }, 'endsAt'],
      [{ activityTypes: ['teleporting'] }, 'activityTypes'],
      [{ pointsGoal: 0 }, 'pointsGoal'],
      [{ id: 'has space' }, 'id'],
    ] as const) {
      const outcome = await create(programInput('autumn', 0, hours(1), change));
      expect(outcome.errors, field).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field } }),
      ]);
    }
    expect((await programItems()).map((item) => item['id'])).toEqual(['spring']);
  });

  it('refuses a program past the most the service keeps, leaving the count as it was', async () => {
    await documentClient.send(
      new PutCommand({
        TableName: scoresTable.name,
        Item: encodeProgramCount(serviceConfig.maxPrograms - 1),
      }),
    );
    expect((await create(programInput('last', 0, hours(1)))).errors).toEqual([]);
    const refused = await create(programInput('one-too-many', 0, hours(1)));
    expect(refused.errors).toEqual([
      expect.objectContaining({
        errorType: 'ValidationError',
        message: expect.stringContaining(`at most ${serviceConfig.maxPrograms} programs`),
      }),
    ]);
    expect((await programItems()).map((item) => item['id'])).toEqual(['last']);
    expect(await itemsOfKind(documentClient, scoresTable.name, itemKinds.programCount)).toEqual([
      expect.objectContaining({ count: serviceConfig.maxPrograms }),
    ]);
  });

  describe('recordActivity naming a program', () => {
    beforeEach(async () => {
      expect((await create(programInput('spring', -hours(2), hours(2)))).errors).toEqual([]);
    });

    it('records an activity that counts there', async () => {
      const outcome = await record({ type: 'running', quantity: 20, programId: 'spring' });
      expect(outcome.errors).toEqual([]);
      expect(outcome.data).toMatchObject({ programId: 'spring', points: 40 });
    });

    it.each<[string, () => Record<string, unknown>, string]>([
      ['no such program', () => ({ type: 'running', quantity: 20, programId: 'summer' }), 'programId'],
      ['a type it does not count', () => ({ type: 'yoga', quantity: 20, programId: 'spring' }), 'type'],
      [
        'an activity before its start',
        () => ({ type: 'running', quantity: 20, programId: 'spring', occurredAt: isoIn(-hours(3)) }),
        'programId',
      ],
    ])('refuses %s as a ValidationError and writes nothing', async (_, input, field) => {
      const outcome = await record(input());
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field } }),
      ]);
      const everything = await documentClient.send(new ScanCommand({ TableName: activitiesTable.name }));
      expect(everything.Items).toEqual([]);
    });

    it('answers a retry with the first result even after the program ended', async () => {
      const first = await record({
        type: 'running',
        quantity: 20,
        programId: 'spring',
        idempotencyKey: 'r-1',
      });
      expect(first.errors).toEqual([]);
      expect((await update(programInput('spring', -hours(2), -hours(1)))).errors).toEqual([]);
      const again = await record({
        type: 'running',
        quantity: 20,
        programId: 'spring',
        idempotencyKey: 'r-1',
      });
      expect(again.errors).toEqual([]);
      expect(again.data).toEqual(first.data);
      expect(await activityItems()).toHaveLength(1);
    });
  });

  describe("the caller's progress", () => {
    const storeProgress = (programId: string, points: number, completed: boolean) =>
      documentClient.send(
        new PutCommand({
          TableName: scoresTable.name,
          Item: encodeProgress({
            userId: 'ada',
            programId,
            points,
            activities: 2,
            lastRecordedAt: '2026-01-10T10:00:00.000Z',
            completedAt: completed ? '2026-01-10T10:00:00.000Z' : null,
            completedGoal: completed ? 300 : null,
            updatedAt: '2026-01-10T10:00:01.000Z',
          }),
        }),
      );

    beforeEach(async () => {
      for (const [id, start, end] of [
        ['running', -hours(1), hours(1)],
        ['joined-ended', -hours(3), -hours(2)],
        ['skipped-ended', -hours(3), -hours(2)],
        ['upcoming', hours(1), hours(2)],
      ] as const) {
        expect((await create(programInput(id, start, end))).errors).toEqual([]);
      }
      await storeProgress('joined-ended', 360, true);
    });

    it('reads zeros before anything counted, and null for no program', async () => {
      expect((await call('Query.myProgress', { programId: 'running' })).data).toMatchObject({
        program: { id: 'running', status: 'ACTIVE' },
        points: 0,
        activities: 0,
        goal: 300,
        percent: 0,
        completedAt: null,
      });
      expect((await call('Query.myProgress', { programId: 'nothing' })).data).toBeNull();
      expect((await call('Query.myProgress', { programId: 'running' }, null)).errors).toEqual([
        expect.objectContaining({ errorType: 'Unauthorized' }),
      ]);
    });

    it('shows points against the goal as stored by the worker', async () => {
      expect((await call('Query.myProgress', { programId: 'joined-ended' })).data).toMatchObject({
        points: 360,
        activities: 2,
        percent: 100,
        completedAt: '2026-01-10T10:00:00.000Z',
      });
    });

    it('lists the running programs and those the caller took part in', async () => {
      const mine = await call('Query.myPrograms', {});
      expect(mine.errors).toEqual([]);
      expect(
        (mine.data as Array<{ program: { id: string }; points: number }>).map((entry) => [
          entry.program.id,
          entry.points,
        ]),
      ).toEqual([
        ['joined-ended', 360],
        ['running', 0],
      ]);
    });
  });
});
