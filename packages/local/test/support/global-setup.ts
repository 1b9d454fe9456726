import type { TestProject } from 'vitest/node';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tables } from '@leaderboard/core';
import { buildServiceResolvers } from '@leaderboard/resolvers/bundle';
import { localCredentials, localRegion, startDynamoDbLocal } from '../../src/aws/dynamodb-local.ts';
import { ensureTable } from '../../src/aws/tables.ts';
// Brings in the `ProvidedContext` declaration for `dynamoEndpoint`.
import type {} from '@leaderboard/core/test-support/dynamodb';

/**
 * One DynamoDB Local for the whole test run, with the service's tables created once:
 * DynamoDB Local slows down as more stream-enabled tables are created in one process.
 * The service's resolver bundles are built once too, so no test runs a stale `dist/`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildServiceResolvers();
  const dynamo = await startDynamoDbLocal();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  for (const table of tables) await ensureTable(client, table, table.name);
  client.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
