import { PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import { activityKey } from '@leaderboard/core/items/activity';
import { encodeTeamAssignment } from '@leaderboard/core/items/team-assignment';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable, scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import type { DataSourceRuntime } from 'appsync-local';
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

const activityItems = (documentClient: DynamoDBDocumentClient, kind: string) =>
  itemsOfKind(documentClient, activitiesTable.name, kind);

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('Mutation.recordActivities', () => {
  const { documentClient, endpoint } = testDynamo();
  const engine = testEngine(endpoint);
  const call = caller(engine, userIdentity('ada'));
  const recordAll = (inputs: Array<Record<string, unknown>>, identity = userIdentity('ada')) =>
    call('Mutation.recordActivities', { inputs }, identity);
  const everything = async () =>
    (await documentClient.send(new ScanCommand({ TableName: activitiesTable.name }))).Items ?? [];

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
  });

  it('records every input in order, with one rate count each and one daily counter per day and type', async () => {
    await storePrograms(documentClient, [testProgram('spring')]);
    const outcome = await recordAll([
      { type: 'steps', quantity: 5_000, idempotencyKey: 'walk-1', occurredAt: hoursAgo(3) },
      { type: 'running', quantity: 20, programId: 'spring', occurredAt: hoursAgo(2) },
      { type: 'steps', quantity: 2_000, idempotencyKey: 'walk-2', occurredAt: hoursAgo(1) },
    ]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toEqual([
      expect.objectContaining({ userId: 'ada', type: 'steps', points: 50, key: 'walk-1' }),
      expect.objectContaining({ type: 'running', points: 40, programId: 'spring' }),
      expect.objectContaining({ type: 'steps', points: 20, key: 'walk-2' }),
    ]);
    expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(3);
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: 3 }),
    ]);
    const daily = await activityItems(documentClient, itemKinds.dailyPoints);
    expect(daily.map((item) => item['points']).sort()).toEqual([40, 70]);
  });

  it('caps points per day and type in input order, counting what earlier calls recorded', async () => {
    // Yoga: 1 point per minute, at most 120 points per day.
    await call('Mutation.recordActivity', { input: { type: 'yoga', quantity: 50 } });
    const outcome = await recordAll([
      { type: 'yoga', quantity: 40 },
      { type: 'yoga', quantity: 40 },
      { type: 'yoga', quantity: 40 },
      { type: 'yoga', quantity: 40, occurredAt: hoursAgo(26) },
    ]);
    expect(outcome.errors).toEqual([]);
    expect((outcome.data as Array<{ points: number }>).map((activity) => activity.points)).toEqual([
      40, 30, 0, 40,
    ]);
    const daily = await activityItems(documentClient, itemKinds.dailyPoints);
    expect(daily.map((item) => item['points']).sort()).toEqual([120, 40]);
  });

  it('answers a retried call with the first results and writes nothing more', async () => {
    const inputs = [
      { type: 'running', quantity: 30, idempotencyKey: 'run-1' },
      { type: 'cycling', quantity: 10, idempotencyKey: 'ride-1' },
    ];
    const first = await recordAll(inputs);
    const again = await recordAll(inputs);
    expect(again.errors).toEqual([]);
    expect(again.data).toEqual(first.data);
    expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(2);
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: 2 }),
    ]);
  });

  it('records only the inputs whose keys are new, answering the others as they were recorded', async () => {
    const single = await call('Mutation.recordActivity', {
      input: { type: 'running', quantity: 30, idempotencyKey: 'run-1' },
    });
    const outcome = await recordAll([
      { type: 'running', quantity: 30, idempotencyKey: 'run-1' },
      { type: 'running', quantity: 10, idempotencyKey: 'run-2' },
    ]);
    expect(outcome.errors).toEqual([]);
    expect((outcome.data as unknown[])[0]).toEqual(single.data);
    expect((outcome.data as unknown[])[1]).toMatchObject({ key: 'run-2', points: 20 });
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: 2 }),
    ]);
  });

  it('records every activity for the team an admin put the caller in', async () => {
    await documentClient.send(
      new PutCommand({
        TableName: scoresTable.name,
        Item: encodeTeamAssignment({
          userId: 'ada',
          teamId: 'blue',
          assignedAt: '2026-01-01T00:00:00.000Z',
          assignedBy: 'admin',
        }),
      }),
    );
    const outcome = await recordAll([
      { type: 'yoga', quantity: 5 },
      { type: 'yoga', quantity: 6 },
    ]);
    expect(outcome.errors).toEqual([]);
    const activities = await activityItems(documentClient, itemKinds.activity);
    expect(activities.map((item) => item['teamId'])).toEqual(['blue', 'blue']);
  });

  it('refuses a call that would pass the per-minute limit, writing nothing of it', async () => {
    const first = Array.from({ length: serviceConfig.maxActivitiesPerCall }, () => ({
      type: 'steps',
      quantity: 100,
    }));
    expect((await recordAll(first)).errors).toEqual([]);
    const room = serviceConfig.rateLimitPerMinute - serviceConfig.maxActivitiesPerCall;
    const refused = await recordAll(
      Array.from({ length: room + 1 }, (_, index) => ({
        type: 'steps',
        quantity: 100,
        idempotencyKey: `late-${index}`,
      })),
    );
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        errorType: 'RateLimited',
        message: expect.stringContaining(`this call records ${room + 1}`),
      }),
    ]);
    expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(
      serviceConfig.maxActivitiesPerCall,
    );
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: serviceConfig.maxActivitiesPerCall }),
    ]);
    const fits = await recordAll(
      Array.from({ length: room }, (_, index) => ({
        type: 'steps',
        quantity: 100,
        idempotencyKey: `late-${index}`,
      })),
    );
    expect(fits.errors).toEqual([]);
  });

  describe('refuses a bad call as a whole, naming the input, and writes nothing', () => {
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
    it.each<[string, () => Array<Record<string, unknown>>, string]>([
      ['no inputs', () => [], 'inputs'],
      [
        'more inputs than a call takes',
        () =>
          Array.from({ length: serviceConfig.maxActivitiesPerCall + 1 }, () => ({
            type: 'yoga',
            quantity: 1,
          })),
        'inputs',
      ],
      [
        'one bad quantity among good inputs',
        () => [
          { type: 'yoga', quantity: 1 },
          { type: 'running', quantity: -1 },
        ],
        'inputs[1].quantity',
      ],
      [
        'an activity in the future',
        () => [{ type: 'yoga', quantity: 1, occurredAt: inAnHour() }],
        'inputs[0].occurredAt',
      ],
      [
        'one key twice',
        () => [
          { type: 'yoga', quantity: 1, idempotencyKey: 'k' },
          { type: 'yoga', quantity: 2 },
          { type: 'yoga', quantity: 3, idempotencyKey: 'k' },
        ],
        'inputs[2].idempotencyKey',
      ],
      [
        'a program nobody created',
        () => [
          { type: 'yoga', quantity: 1 },
          { type: 'yoga', quantity: 1, programId: 'ghost' },
        ],
        'inputs[1].programId',
      ],
      [
        'a type the program does not count',
        () => [{ type: 'yoga', quantity: 1, programId: 'walkers' }],
        'inputs[0].type',
      ],
    ])('%s', async (_, inputs, field) => {
      await storePrograms(documentClient, [testProgram('walkers', { activityTypes: ['steps'] })]);
      const outcome = await recordAll(inputs());
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field } }),
      ]);
      expect(outcome.errors[0]!.message.length).toBeLessThan(300);
      expect(await everything()).toEqual([]);
    });
  });

  describe('when DynamoDB cancels the transaction', () => {
    // Stands for DynamoDB's cancellations that DynamoDB Local does not produce on demand: the
    // wrapper answers the resolver's transaction as DynamoDB does, with one reason per item.
    const cancelled =
      (reasonAt: (index: number, items: number) => string) =>
      (dataSource: DataSourceRuntime): DataSourceRuntime => ({
        type: dataSource.type,
        async invoke(request, context) {
          const transaction = request as { operation?: string; transactItems?: unknown[] };
          if (transaction.operation !== 'TransactWriteItems') return dataSource.invoke(request, context);
          const items = transaction.transactItems?.length ?? 0;
          const reasons = Array.from({ length: items }, (_, index) => ({ type: reasonAt(index, items) }));
          return {
            result: { keys: null, cancellationReasons: reasons },
            error: { type: 'DynamoDB:TransactionCanceledException', message: 'Transaction cancelled' },
          };
        },
      });

    it.each<[string, (index: number, items: number) => string, string, RegExp]>([
      [
        'a racing call recorded one of the keys',
        (index) => (index === 1 ? 'ConditionalCheckFailed' : 'None'),
        'ConcurrentModification',
        /^inputs\[1\]: .*same keys/,
      ],
      [
        'another transaction held an item',
        (index) => (index === 0 ? 'TransactionConflict' : 'None'),
        'ConcurrentModification',
        /same idempotency keys/,
      ],
      [
        'a daily counter moved meanwhile',
        (index, items) => (index === items - 1 ? 'ConditionalCheckFailed' : 'None'),
        'ConcurrentModification',
        /same idempotency keys/,
      ],
    ])('%s: a retryable error, nothing written', async (_, reasonAt, errorType, message) => {
      const cancelling = testEngine(endpoint, { wrapActivities: cancelled(reasonAt) });
      const outcome = await caller(cancelling, userIdentity('ada'))('Mutation.recordActivities', {
        inputs: [
          { type: 'yoga', quantity: 5, idempotencyKey: 'a' },
          { type: 'yoga', quantity: 6, idempotencyKey: 'b' },
        ],
      });
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ errorType, message: expect.stringMatching(message) }),
      ]);
      expect(await everything()).toEqual([]);
    });
  });

  it('keeps the daily cap exact when calls race, refusing only with a retryable conflict', async () => {
    const calls = Array.from({ length: 4 }, (_, index) => [
      { type: 'yoga', quantity: 25, idempotencyKey: `y-${index}-a` },
      { type: 'yoga', quantity: 25, idempotencyKey: `y-${index}-b` },
    ]);
    let pending = calls;
    for (let round = 0; pending.length > 0; round += 1) {
      expect(round).toBeLessThan(10);
      const outcomes = await Promise.all(pending.map((inputs) => recordAll(inputs)));
      for (const outcome of outcomes) {
        for (const error of outcome.errors) expect(error.errorType).toBe('ConcurrentModification');
      }
      pending = pending.filter((_, index) => outcomes[index]!.errors.length > 0);
    }
    const activities = await activityItems(documentClient, itemKinds.activity);
    expect(activities).toHaveLength(8);
    expect(activities.reduce((sum, item) => sum + (item['points'] as number), 0)).toBe(120);
    expect(await activityItems(documentClient, itemKinds.dailyPoints)).toEqual([
      expect.objectContaining({ points: 120 }),
    ]);
    expect(activities.some((item) => item['pk'] === activityKey('ada', 'y-0-a').pk)).toBe(true);
  });

  it('refuses a caller without a user from the authorizer', async () => {
    const outcome = await recordAll([{ type: 'yoga', quantity: 5 }], null);
    expect(outcome.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    expect(await everything()).toEqual([]);
  });
});
