/**
 * The programs, read once and shared by every user a run recomputes: admins keep at most
 * `maxPrograms`, so one Query of their partition holds them all.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeProgram } from '@leaderboard/core/items/decode';
import { kindAttribute } from '@leaderboard/core/items/item';
import { programAttributes, programsPartition, type StoredProgram } from '@leaderboard/core/items/program';
import { itemKinds } from '@leaderboard/core/keys';
import { queryAll } from '../store/query-all.ts';

export async function readPrograms(source: {
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: { readonly scores: string };
}): Promise<Map<string, StoredProgram>> {
  const items = await queryAll(source.documentClient, {
    TableName: source.tables.scores,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': programAttributes.pk },
    ExpressionAttributeValues: { ':pk': programsPartition },
    ConsistentRead: true,
  });
  const programs = new Map<string, StoredProgram>();
  for (const item of items) {
    if (item[kindAttribute] !== itemKinds.program) continue;
    const program = decodeProgram(item);
    programs.set(program.id, program);
  }
  return programs;
}
