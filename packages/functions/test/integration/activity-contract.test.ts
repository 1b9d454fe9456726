/**
 * The activity item between its two runtimes: written by `recordActivity`'s resolver bundle
 * (APPSYNC_JS, in the local engine) into DynamoDB Local, read by the worker's reader from the
 * stream image the pipe would deliver. Both sides use the activity codec, so this holds
 * whatever its attribute names are; the names themselves are pinned by the codec's tests.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Activity } from '@leaderboard/core/generated/schema';
import { activityKey } from '@leaderboard/core/items/activity';
import { itemKinds } from '@leaderboard/core/keys';
import { activitiesTable } from '@leaderboard/core/tables';
import { storePrograms, testProgram } from '@leaderboard/core/test-support/programs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseActivityMessage } from '../../src/aggregation/activity-record.ts';
import {
  awayFromMinuteBoundary,
  caller,
  clearAllTables,
  itemsOfKind,
  testDynamo,
  testEngine,
  userIdentity,
} from '@leaderboard/resolvers/test-support/engine';

describe('an activity recorded by the resolver and read by the worker', () => {
  const { client, documentClient, endpoint } = testDynamo();
  const call = caller(testEngine(endpoint), userIdentity('ada', 'Ada Lovelace'));

  beforeEach(async () => {
    await clearAllTables(documentClient);
    await storePrograms(documentClient, [testProgram('spring')]);
    await awayFromMinuteBoundary();
  });

  /** The INSERT record the pipe sends for the stored item: its image exactly as DynamoDB holds it. */
  async function streamMessageOf(userId: string, key: string): Promise<string> {
    const { Item: image } = await client.send(
      new GetItemCommand({
        TableName: activitiesTable.name,
        Key: { pk: { S: activityKey(userId, key).pk } },
        ConsistentRead: true,
      }),
    );
    expect(image).toBeDefined();
    return JSON.stringify({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys: { pk: image!['pk'] }, NewImage: image, StreamViewType: 'NEW_IMAGE' },
    });
  }

  it.each([
    ['in a program', { type: 'running', quantity: 30, programId: 'spring' }],
    ['in no program', { type: 'steps', quantity: 4_321 }],
  ])('reaches the worker as the client was told it, %s', async (_, input) => {
    const outcome = await call('Mutation.recordActivity', { input: { ...input, idempotencyKey: 'same-1' } });
    expect(outcome.errors).toEqual([]);
    const told = outcome.data as Activity;
    expect(parseActivityMessage(await streamMessageOf('ada', 'same-1'))).toEqual({
      pk: activityKey('ada', 'same-1').pk,
      id: told.id,
      userId: 'ada',
      displayName: 'Ada Lovelace',
      type: told.type,
      points: told.points,
      programId: told.programId ?? null,
      // Ada's token names no team and no admin set one.
      teamId: null,
      occurredAtMs: Date.parse(told.occurredAt),
      recordedAtMs: Date.parse(told.recordedAt),
    });
  });

  it('reads an activity recorded without an idempotency key, under the key the resolver chose', async () => {
    const outcome = await call('Mutation.recordActivity', { input: { type: 'yoga', quantity: 20 } });
    expect(outcome.errors).toEqual([]);
    const told = outcome.data as Activity;
    expect(told.idempotencyKey).toBeNull();
    const [stored] = await itemsOfKind(documentClient, activitiesTable.name, itemKinds.activity);
    const key = (stored!['pk'] as string).slice(activityKey('ada', '').pk.length);
    expect(parseActivityMessage(await streamMessageOf('ada', key))).toMatchObject({
      id: told.id,
      points: 20,
    });
  });
});
