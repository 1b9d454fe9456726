/** Program edits are admin actions too: each is in the audit trail, and a refused one leaves no entry. */
import type { AuditPage } from '@leaderboard/core/generated/schema';
import type { AppSyncIdentity } from 'appsync-local';
import { beforeEach, describe, expect, it } from 'vitest';
import { caller, clearAllTables, testDynamo, testEngine } from '../support/engine.ts';

const admin: AppSyncIdentity = { resolverContext: { userId: 'root', displayName: 'Root', groups: 'admins' } };

const program = (id: string, pointsGoal: number | null) => ({
  id,
  name: `Program ${id}`,
  startsAt: '2030-01-01T00:00:00.000Z',
  endsAt: '2030-02-01T00:00:00.000Z',
  activityTypes: ['steps', 'yoga'],
  pointsGoal,
});

describe('the audit trail of program edits', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), admin);

  beforeEach(async () => {
    await clearAllTables(documentClient);
  });

  it('keeps who created and edited which program, and what they set', async () => {
    expect((await call('Mutation.createProgram', { input: program('spring', null) })).errors).toEqual([]);
    expect((await call('Mutation.updateProgram', { input: program('spring', 500) })).errors).toEqual([]);
    const missing = await call('Mutation.updateProgram', { input: program('autumn', 500) });
    expect(missing.errors).toEqual([expect.objectContaining({ errorType: 'NotFound' })]);

    const entries = ((await call('Query.auditLog', {})).data as AuditPage).items;
    expect(entries.map((entry) => [entry.action, entry.actor, entry.target])).toEqual([
      ['UPDATE_PROGRAM', 'root', 'spring'],
      ['CREATE_PROGRAM', 'root', 'spring'],
    ]);
    expect(JSON.parse(entries[0]!.details as string)).toEqual({
      name: 'Program spring',
      startsAt: '2030-01-01T00:00:00.000Z',
      endsAt: '2030-02-01T00:00:00.000Z',
      activityTypes: 'steps,yoga',
      pointsGoal: 500,
    });
  });
});
