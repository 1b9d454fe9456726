import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serviceConfig } from '@leaderboard/core/config';
import { activityKey } from '@leaderboard/core/items/activity';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable } from '@leaderboard/core/tables';
import { beforeEach, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '@leaderboard/core/test-support/dynamodb';
import { createDynamoDbDataSource, type DataSourceRuntime } from 'appsync-local';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
  userIdentity,
} from '../support/engine.ts';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';

const activityItems = (documentClient: DynamoDBDocumentClient, kind: string) =>
  itemsOfKind(documentClient, activitiesTable.name, kind);

describe('Mutation.recordActivity', () => {
  const { documentClient, endpoint } = testDynamo();
  const engine = testEngine(endpoint);
  const call = caller(engine, userIdentity('ada'));
  const record = (input: Record<string, unknown>, identity = userIdentity('ada')) =>
    call('Mutation.recordActivity', { input }, identity);

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
  });

  it('records the caller, server-side points and the times', async () => {
    await storePrograms(documentClient, [testProgram('spring')]);
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const outcome = await record({
      type: 'steps',
      quantity: 12_345,
      programId: 'spring',
      occurredAt,
      idempotencyKey: 'walk-1',
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.data).toMatchObject({
      userId: 'ada',
      type: 'steps',
      quantity: 12_345,
      points: 123,
      programId: 'spring',
      idempotencyKey: 'walk-1',
      occurredAt: new Date(Date.parse(occurredAt)).toISOString(),
    });
    const [stored] = await activityItems(documentClient, itemKinds.activity);
    expect(stored).toMatchObject({
      pk: activityKey('ada', 'walk-1').pk,
      kind: 'activity',
      userId: 'ada',
      displayName: 'Name ada',
      points: 123,
    });
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: 1, expiresAt: expect.any(Number) }),
    ]);
    expect(await activityItems(documentClient, itemKinds.dailyPoints)).toEqual([
      expect.objectContaining({ points: 123 }),
    ]);
  });

  it('answers a retry with the same idempotency key with the first result and writes nothing more', async () => {
    const first = await record({ type: 'running', quantity: 30, idempotencyKey: 'run-7' });
    const again = await record({ type: 'running', quantity: 30, idempotencyKey: 'run-7' });
    expect(again.errors).toEqual([]);
    expect(again.data).toEqual(first.data);
    expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(1);
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: 1 }),
    ]);
  });

  it('records once when calls with the same key race, and every caller gets that one result', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => record({ type: 'cycling', quantity: 12.5, idempotencyKey: 'race-1' })),
    );
    for (const outcome of outcomes) expect(outcome.errors).toEqual([]);
    const ids = new Set(outcomes.map((outcome) => (outcome.data as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(1);
    expect(await activityItems(documentClient, itemKinds.dailyPoints)).toEqual([
      expect.objectContaining({ points: 12 }),
    ]);
  });

  it('refuses the first activity over the per-minute limit, writing nothing for it', async () => {
    for (let index = 0; index < serviceConfig.rateLimitPerMinute; index += 1) {
      const outcome = await record({ type: 'steps', quantity: 100 });
      expect(outcome.errors, `activity ${index + 1}`).toEqual([]);
    }
    const refused = await record({ type: 'steps', quantity: 100, idempotencyKey: 'one-too-many' });
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        errorType: 'RateLimited',
        message: expect.stringContaining(`${serviceConfig.rateLimitPerMinute} activities per minute`),
      }),
    ]);
    const activities = await activityItems(documentClient, itemKinds.activity);
    expect(activities).toHaveLength(serviceConfig.rateLimitPerMinute);
    expect(activities.some((item) => item['pk'] === activityKey('ada', 'one-too-many').pk)).toBe(false);
    expect(await activityItems(documentClient, itemKinds.rateCounter)).toEqual([
      expect.objectContaining({ count: serviceConfig.rateLimitPerMinute }),
    ]);
    expect(await activityItems(documentClient, itemKinds.dailyPoints)).toEqual([
      expect.objectContaining({ points: serviceConfig.rateLimitPerMinute }),
    ]);
    // Another user is not limited by ada's activity.
    expect((await record({ type: 'steps', quantity: 100 }, userIdentity('grace'))).errors).toEqual([]);
  });

  it('caps points per type and day, exactly', async () => {
    // Yoga: 1 point per minute, at most 120 points per day.
    expect((await record({ type: 'yoga', quantity: 100 })).data).toMatchObject({ points: 100 });
    expect((await record({ type: 'yoga', quantity: 50 })).data).toMatchObject({ points: 20 });
    expect((await record({ type: 'yoga', quantity: 10 })).data).toMatchObject({ points: 0 });
    // Another day has its own allowance.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect((await record({ type: 'yoga', quantity: 10, occurredAt: yesterday })).data).toMatchObject({
      points: 10,
    });
  });

  it('keeps the daily cap exact when calls race, refusing only with a retryable conflict', async () => {
    const keys = Array.from({ length: 6 }, (_, index) => `yoga-${index}`);
    let pending = keys;
    for (let round = 0; pending.length > 0; round += 1) {
      expect(round).toBeLessThan(10);
      const outcomes = await Promise.all(
        pending.map((idempotencyKey) => record({ type: 'yoga', quantity: 30, idempotencyKey })),
      );
      for (const outcome of outcomes) {
        for (const error of outcome.errors) expect(error.errorType).toBe('ConcurrentModification');
      }
      pending = pending.filter((_, index) => outcomes[index]!.errors.length > 0);
    }
    const activities = await activityItems(documentClient, itemKinds.activity);
    expect(activities).toHaveLength(6);
    expect(activities.reduce((sum, item) => sum + (item['points'] as number), 0)).toBe(120);
    expect(await activityItems(documentClient, itemKinds.dailyPoints)).toEqual([
      expect.objectContaining({ points: 120 }),
    ]);
  });

  describe('when DynamoDB cancels the transaction for a conflicting concurrent transaction', () => {
    // Stands for DynamoDB's TransactionConflict cancellation, which DynamoDB Local does not produce:
    // the wrapper answers the resolver's transaction as DynamoDB does when another one held an item.
    const conflicting =
      (letOtherWriterWin: boolean) =>
      (dataSource: DataSourceRuntime): DataSourceRuntime => ({
        type: dataSource.type,
        async invoke(request, context) {
          if ((request as { operation?: string }).operation !== 'TransactWriteItems')
            return dataSource.invoke(request, context);
          // The other writer: a call with the same key whose transaction committed first.
          if (letOtherWriterWin) await dataSource.invoke(request, context);
          return {
            result: {
              keys: null,
              cancellationReasons: [
                { type: 'TransactionConflict', message: 'Transaction is ongoing for the item' },
                { type: 'None' },
                { type: 'None' },
              ],
            },
            error: {
              type: 'DynamoDB:TransactionCanceledException',
              message:
                'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None, None]',
            },
          };
        },
      });

    it('answers with the activity the other call stored, without an error', async () => {
      const engine = testEngine(endpoint, { wrapActivities: conflicting(true) });
      const outcome = await caller(engine, userIdentity('ada'))('Mutation.recordActivity', {
        input: { type: 'yoga', quantity: 15, idempotencyKey: 'c-1' },
      });
      expect(outcome.errors).toEqual([]);
      expect(outcome.data).toMatchObject({ idempotencyKey: 'c-1', points: 15 });
      expect(await activityItems(documentClient, itemKinds.activity)).toHaveLength(1);
    });

    it('asks for a retry with the same key when nothing was stored', async () => {
      const engine = testEngine(endpoint, { wrapActivities: conflicting(false) });
      const outcome = await caller(engine, userIdentity('ada'))('Mutation.recordActivity', {
        input: { type: 'yoga', quantity: 15, idempotencyKey: 'c-2' },
      });
      expect(outcome.errors).toEqual([
        expect.objectContaining({
          errorType: 'ConcurrentModification',
          message: expect.stringContaining('same idempotencyKey'),
        }),
      ]);
      expect(await activityItems(documentClient, itemKinds.activity)).toEqual([]);
    });
  });

  describe('when DynamoDB fails for a reason the resolver does not handle', () => {
    const missingTable = 'NoSuchTable';
    /** A data source whose table (or the table its transactions name) does not exist: DynamoDB's own error. */
    const missing = (transactionsOnly: boolean) => (): DataSourceRuntime =>
      createDynamoDbDataSource({
        table: transactionsOnly ? activitiesTable.name : missingTable,
        tableNames: { [activitiesTable.name]: missingTable },
        endpoint,
        region: localRegion,
        credentials: localCredentials,
      });

    it.each([
      ['a read', false],
      ['the transaction', true],
    ])('answers %s that fails with the generic error and logs DynamoDB’s', async (_, transactionsOnly) => {
      const logged: Record<string, unknown>[] = [];
      const engine = testEngine(endpoint, {
        wrapActivities: missing(transactionsOnly),
        log: (entry) => logged.push(entry as Record<string, unknown>),
      });
      const outcome = await caller(engine, userIdentity('ada'))('Mutation.recordActivity', {
        input: { type: 'yoga', quantity: 15 },
      });
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        {
          message: 'An internal failure occurred.',
          errorType: 'InternalFailure',
          data: null,
          errorInfo: null,
        },
      ]);
      const consoleErrors = logged.filter((entry) => entry['level'] === 'error');
      expect(consoleErrors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            /^Data source error DynamoDB:ResourceNotFoundException .*Service: DynamoDb/,
          ),
        }),
      ]);
      const everything = await documentClient.send(new ScanCommand({ TableName: activitiesTable.name }));
      expect(everything.Items).toEqual([]);
    });
  });

  describe('refuses bad input with a clear error and writes nothing', () => {
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
    const eightDaysAgo = () => new Date(Date.now() - 8 * 86_400_000).toISOString();
    it.each<[string, () => Record<string, unknown>, string]>([
      ['an unknown type', () => ({ type: 'teleporting', quantity: 1 }), 'type'],
      ['a negative quantity', () => ({ type: 'running', quantity: -10 }), 'quantity'],
      ['a zero quantity', () => ({ type: 'running', quantity: 0 }), 'quantity'],
      ['an absurd quantity', () => ({ type: 'running', quantity: 100_000 }), 'quantity'],
      // Below DynamoDB's smallest number: before validation refused it, DynamoDB's message reached the client.
      ['a vanishingly small quantity', () => ({ type: 'cycling', quantity: 1e-131 }), 'quantity'],
      ['a quantity finer than its unit', () => ({ type: 'cycling', quantity: 12.345 }), 'quantity'],
      [
        'occurredAt in the future',
        () => ({ type: 'running', quantity: 10, occurredAt: inAnHour() }),
        'occurredAt',
      ],
      [
        'occurredAt too old',
        () => ({ type: 'running', quantity: 10, occurredAt: eightDaysAgo() }),
        'occurredAt',
      ],
      ['an oversized type', () => ({ type: 'x'.repeat(10_000), quantity: 1 }), 'type'],
      [
        'an oversized idempotency key',
        () => ({ type: 'yoga', quantity: 1, idempotencyKey: 'k'.repeat(1000) }),
        'idempotencyKey',
      ],
      [
        'a key with a separator',
        () => ({ type: 'yoga', quantity: 1, idempotencyKey: 'grace#1' }),
        'idempotencyKey',
      ],
      [
        'an oversized program id',
        () => ({ type: 'yoga', quantity: 1, programId: 'p'.repeat(500) }),
        'programId',
      ],
      // GraphQL validation refuses this field before any resolver runs; this is the resolver's own guard.
      ['a userId smuggled into the input', () => ({ type: 'yoga', quantity: 1, userId: 'grace' }), 'userId'],
    ])('%s', async (_, input, field) => {
      const outcome = await record(input());
      expect(outcome.data).toBeNull();
      expect(outcome.errors).toEqual([
        expect.objectContaining({
          errorType: 'ValidationError',
          message: expect.any(String),
          errorInfo: { field },
        }),
      ]);
      expect(outcome.errors[0]!.message.length).toBeLessThan(300);
      const everything = await documentClient.send(new ScanCommand({ TableName: activitiesTable.name }));
      expect(everything.Items).toEqual([]);
    });
  });

  it('refuses a caller without a user from the authorizer', async () => {
    const outcome = await record({ type: 'yoga', quantity: 5 }, null);
    expect(outcome.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    const everything = await documentClient.send(new ScanCommand({ TableName: activitiesTable.name }));
    expect(everything.Items).toEqual([]);
  });
});
