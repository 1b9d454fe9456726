/**
 * Program progress as the worker keeps it, against DynamoDB Local: exact under redelivery in
 * any order, counted only for a program that exists and counts the activity, and completed at a
 * time by which the goal was truly reached.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { programBoardId } from '@leaderboard/core/boards';
import { decodeProgress } from '@leaderboard/core/items/decode';
import { progressKey } from '@leaderboard/core/items/progress';
import { totalKey } from '@leaderboard/core/items/total';
import { itemKinds } from '@leaderboard/core/keys';
import { canonicalTimestamp } from '@leaderboard/core/ranking';
import { scoresTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsRecord, storeActivities, streamMessageBody, type TestActivity } from '../support/activities.ts';
import { asBatchHandler, deliverUntilDone } from '../support/delivery.ts';
import { clearAllTables, itemsOfKind, testDynamo } from '../support/local.ts';
import { testWorker } from '../support/worker.ts';

const base = Date.parse('2026-04-06T08:00:00Z');
const iso = (offsetMs: number) => canonicalTimestamp(base + offsetMs);

/** `spring` (goal 150, running and steps, April) and `relay` (no goal, every type, all year). */
const programs = [
  testProgram('spring', {
    startsAt: '2026-04-01T00:00:00.000Z',
    endsAt: '2026-05-01T00:00:00.000Z',
    activityTypes: ['running', 'steps'],
    pointsGoal: 150,
  }),
  testProgram('relay', { startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' }),
];

/**
 * 120 activities of 8 users, recorded a minute apart: most in `spring` or `relay`, some capped to
 * 0 points, some naming no program; each user's spring points cross the goal part way.
 */
function sampleActivities(): TestActivity[] {
  return Array.from({ length: 120 }, (_, index) => ({
    id: `p${index}`,
    userId: `user-${index % 8}`,
    type: index % 2 === 0 ? 'running' : 'steps',
    points: index % 11 === 0 ? 0 : 5 + ((index * 13) % 40),
    ...(index % 5 === 4 ? {} : { programId: index % 5 === 3 ? 'relay' : 'spring' }),
    occurredAt: iso(index * 60_000),
    recordedAt: iso(index * 60_000 + 30_000),
  }));
}

interface ExpectedProgress {
  points: number;
  activities: number;
  /** recordedAt of each counted activity with the running sum, in recording order. */
  history: Array<{ recordedAt: string; sum: number }>;
}

function expectedProgress(activities: readonly TestActivity[]): Map<string, ExpectedProgress> {
  const byKey = new Map<string, ExpectedProgress>();
  const ordered = [...activities].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  for (const activity of ordered) {
    if (!activity.programId || activity.points === 0) continue;
    const key = `${activity.userId}|${activity.programId}`;
    const progress = byKey.get(key) ?? { points: 0, activities: 0, history: [] };
    progress.points += activity.points;
    progress.activities += 1;
    progress.history.push({ recordedAt: activity.recordedAt, sum: progress.points });
    byKey.set(key, progress);
  }
  return byKey;
}

describe('program progress', () => {
  const { documentClient } = testDynamo();
  const readProgress = async (userId: string, programId: string) => {
    const result = await documentClient.send(
      new GetCommand({
        TableName: scoresTable.name,
        Key: progressKey(userId, programId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? decodeProgress(result.Item) : null;
  };
  const score = async (userId: string, boardId: string) =>
    (
      await documentClient.send(
        new GetCommand({ TableName: scoresTable.name, Key: totalKey(userId, boardId) }),
      )
    ).Item?.['score'];

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, programs);
  });

  it('is exact when every activity arrives three times in shuffled batches, and completes when truly reached', async () => {
    const activities = sampleActivities();
    await storeActivities(documentClient, activities);
    const bodies = activities.flatMap((activity, index) =>
      [0, 1, 2].map((copy) => streamMessageBody(activity, index * 3 + copy)),
    );
    const instances = [testWorker(documentClient), testWorker(documentClient), testWorker(documentClient)];
    await deliverUntilDone(
      instances.map((instance) => asBatchHandler(instance.handler)),
      bodies,
      11,
    );

    const expected = expectedProgress(activities);
    expect(await itemsOfKind(documentClient, scoresTable.name, itemKinds.progress)).toHaveLength(
      expected.size,
    );
    let completed = 0;
    for (const [key, want] of expected) {
      const [userId, programId] = key.split('|') as [string, string];
      const progress = await readProgress(userId, programId);
      expect(progress, key).toMatchObject({ points: want.points, activities: want.activities });
      expect(await score(userId, programBoardId(programId)), key).toBe(want.points);
      if (programId === 'relay' || want.points < 150) {
        expect(progress?.completedAt, key).toBeNull();
        continue;
      }
      completed += 1;
      // Completed at a recording time by which the user had recorded enough points, and no
      // later than the last activity recorded before the goal was applied.
      const reachedAt = want.history.find((step) => step.sum >= 150)!.recordedAt;
      expect(progress?.completedGoal, key).toBe(150);
      expect(
        want.history.map((step) => step.recordedAt),
        key,
      ).toContain(progress?.completedAt);
      expect(progress!.completedAt! >= reachedAt, key).toBe(true);
    }
    expect(completed).toBeGreaterThan(3);
  });

  it('completes at the exact moment the goal was reached when activities arrive in order', async () => {
    const activities = sampleActivities().filter((activity) => activity.userId === 'user-4');
    await storeActivities(documentClient, activities);
    const { handler } = testWorker(documentClient);
    const deliver = asBatchHandler(handler);
    for (const [index, activity] of activities.entries()) {
      expect(await deliver([sqsRecord(streamMessageBody(activity, index))])).toEqual([]);
    }
    const want = expectedProgress(activities).get('user-4|spring')!;
    expect(want.points).toBeGreaterThanOrEqual(150);
    expect((await readProgress('user-4', 'spring'))?.completedAt).toBe(
      want.history.find((step) => step.sum >= 150)!.recordedAt,
    );
  });

  it('counts an activity for its program only if the program exists and counts it there', async () => {
    const activities: TestActivity[] = [
      // Yoga does not count in spring; March is before it starts; `autumn` does not exist.
      {
        id: 'yoga',
        userId: 'ada',
        type: 'yoga',
        points: 10,
        programId: 'spring',
        occurredAt: iso(0),
        recordedAt: iso(0),
      },
      {
        id: 'march',
        userId: 'ada',
        type: 'running',
        points: 20,
        programId: 'spring',
        occurredAt: '2026-03-31T23:59:59.999Z',
        recordedAt: iso(0),
      },
      {
        id: 'gone',
        userId: 'ada',
        type: 'running',
        points: 40,
        programId: 'autumn',
        occurredAt: iso(0),
        recordedAt: iso(0),
      },
      {
        id: 'ok',
        userId: 'ada',
        type: 'running',
        points: 80,
        programId: 'spring',
        occurredAt: iso(0),
        recordedAt: iso(0),
      },
    ];
    await storeActivities(documentClient, activities);
    const { handler } = testWorker(documentClient);
    const failed = await asBatchHandler(handler)(
      activities.map((activity, index) => sqsRecord(streamMessageBody(activity, index))),
    );
    expect(failed).toEqual([]);
    expect(await score('ada', 'global')).toBe(150);
    expect(await score('ada', 'program:spring')).toBe(80);
    expect(await score('ada', 'program:autumn')).toBeUndefined();
    expect(await readProgress('ada', 'spring')).toMatchObject({ points: 80, activities: 1 });
    expect(await readProgress('ada', 'autumn')).toBeNull();
  });
});
