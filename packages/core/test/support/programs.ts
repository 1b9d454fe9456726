/**
 * Programs stored as admins create them (through the program codec), for tests whose activities
 * name a program: an activity counts for a program only if the program exists.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activityCatalog } from '../../src/catalog.ts';
import { encodeProgram, type StoredProgram } from '../../src/items/program.ts';
import { scoresTable } from '../../src/tables.ts';

/** A program counting every activity type from 2020 to 2100, without a goal, unless told otherwise. */
export function testProgram(id: string, overrides: Partial<Omit<StoredProgram, 'id'>> = {}): StoredProgram {
  return {
    id,
    name: `Program ${id}`,
    description: '',
    startsAt: '2020-01-01T00:00:00.000Z',
    endsAt: '2100-01-01T00:00:00.000Z',
    activityTypes: activityCatalog.map((definition) => definition.type),
    pointsGoal: null,
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    updatedBy: 'test-admin',
    ...overrides,
  };
}

export async function storePrograms(
  documentClient: DynamoDBDocumentClient,
  programs: readonly StoredProgram[],
): Promise<void> {
  for (let start = 0; start < programs.length; start += 25) {
    const writes = programs
      .slice(start, start + 25)
      .map((program) => ({ PutRequest: { Item: encodeProgram(program) } }));
    await documentClient.send(new BatchWriteCommand({ RequestItems: { [scoresTable.name]: writes } }));
  }
}
