import { serviceConfig } from '@leaderboard/core/config';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  testDynamo,
  testEngine,
  userIdentity,
} from '../support/engine.ts';

interface Page {
  items: Array<{ id: string; userId: string; occurredAt: string; points: number; idempotencyKey: string }>;
  nextToken: string | null;
}

describe('Query.myActivities', () => {
  const { documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), userIdentity('ada'));
  const history = (args: Record<string, unknown>, identity = userIdentity('ada')) =>
    call('Query.myActivities', args, identity);

  /** Records `count` yoga activities for `userId`, an hour apart going back from now, with their keys in order. */
  async function recordMany(userId: string, count: number): Promise<string[]> {
    const keys: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const key = `${userId}-${index}`;
      const outcome = await call(
        'Mutation.recordActivity',
        {
          input: {
            type: 'yoga',
            quantity: 50,
            idempotencyKey: key,
            occurredAt: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
          },
        },
        userIdentity(userId),
      );
      expect(outcome.errors, key).toEqual([]);
      keys.push(key);
    }
    return keys;
  }

  async function readAll(limit: number, identity = userIdentity('ada')): Promise<Page[]> {
    const pages: Page[] = [];
    let nextToken: string | null = null;
    do {
      const outcome = await history({ limit, ...(nextToken ? { nextToken } : {}) }, identity);
      expect(outcome.errors).toEqual([]);
      const page = outcome.data as Page;
      pages.push(page);
      nextToken = page.nextToken;
      expect(pages.length).toBeLessThan(20);
    } while (nextToken);
    return pages;
  }

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await awayFromMinuteBoundary();
  });

  it('reads every activity of the caller once, newest first, over several pages', async () => {
    const keys = await recordMany('ada', 23);
    await recordMany('grace', 4);
    const pages = await readAll(5);
    expect(pages.map((page) => page.items.length)).toEqual([5, 5, 5, 5, 3]);
    const items = pages.flatMap((page) => page.items);
    // Recorded an hour apart going back, so newest first is the order they were recorded in.
    expect(items.map((item) => item.idempotencyKey)).toEqual(keys);
    expect(new Set(items.map((item) => item.id)).size).toBe(23);
    expect(items.every((item) => item.userId === 'ada')).toBe(true);
    const occurred = items.map((item) => item.occurredAt);
    expect([...occurred].sort().reverse()).toEqual(occurred);
  });

  it('gives each activity the points it earned after the daily cap', async () => {
    // Yoga counts at most 120 points a day: two 100-minute sessions on one day earn 100, then 20.
    const day = new Date(Date.now() - 86_400_000);
    day.setUTCHours(10, 0, 0, 0);
    for (const [key, minutes] of [
      ['first', 100],
      ['second', 100],
    ] as const) {
      day.setUTCMinutes(day.getUTCMinutes() + 1);
      const input = { type: 'yoga', quantity: minutes, idempotencyKey: key, occurredAt: day.toISOString() };
      expect((await call('Mutation.recordActivity', { input })).errors).toEqual([]);
    }
    const [page] = await readAll(serviceConfig.maxHistoryLimit);
    expect(page!.items.map((item) => [item.idempotencyKey, item.points])).toEqual([
      ['second', 20],
      ['first', 100],
    ]);
  });

  it('answers an empty page to a caller with no activities, and the default page size otherwise', async () => {
    expect((await history({})).data).toEqual({ items: [], nextToken: null });
    await recordMany('ada', serviceConfig.defaultHistoryLimit + 1);
    const outcome = await history({});
    expect((outcome.data as Page).items).toHaveLength(serviceConfig.defaultHistoryLimit);
    expect((outcome.data as Page).nextToken).toEqual(expect.any(String));
  });

  it.each([0, serviceConfig.maxHistoryLimit + 1])('refuses limit %d', async (limit) => {
    expect((await history({ limit })).errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field: 'limit' } }),
    ]);
  });

  it("refuses another user's nextToken without reading their history", async () => {
    await recordMany('grace', 3);
    const graces = await history({ limit: 1 }, userIdentity('grace'));
    const token = (graces.data as Page).nextToken;
    expect(token).toEqual(expect.any(String));
    const outcome = await history({ limit: 1, nextToken: token });
    expect(outcome.data).toBeNull();
    expect(outcome.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', errorInfo: { field: 'nextToken' } }),
    ]);
  });

  it('refuses a caller without a user', async () => {
    expect((await history({}, null)).errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized' }),
    ]);
  });
});
