/**
 * The service's limits through the whole local stack: the API carries the config's
 * queryDepthLimit and resolverCountLimit (over HTTP and on the real-time endpoint), and a
 * quantity finer than its unit is a ValidationError that writes nothing.
 *
 * The stack uses the test run's shared DynamoDB Local, reading its stream from now on.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { activitiesTable, serviceConfig } from '@leaderboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { RealtimeTestClient } from 'appsync-local/testing';
import { postGraphQL, recordActivityMutation } from './stack-test-kit.ts';

const dynamo = testDynamo();
let stack: LocalStack;

beforeAll(async () => {
  await clearAllTables(dynamo.documentClient);
  stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    streamStartingPosition: 'LATEST',
    rebuildIntervalMs: 60_000,
    log: () => {},
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const leaderboardAliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, index) => `b${index}: leaderboard { version }`).join(' ')} }`;
const resolverCountRefusal = {
  path: null,
  locations: null,
  errorType: 'ResolverCountLimitExceeded',
  message: `The query invokes more resolvers than the API's limit of ${serviceConfig.resolverCountLimit} per request.`,
};

describe('the service limits on the local stack', () => {
  const read = (query: string) => postGraphQL(stack.graphqlUrl, query, {}, { 'x-api-key': stack.apiKey });

  it("refuses what exceeds the config's query limits, and serves the next request", async () => {
    expect(await read(leaderboardAliases(1_000))).toEqual({ data: null, errors: [resolverCountRefusal] });
    const deep = `{ leaderboard { entries { ${'rank { '.repeat(5_000)}x${' }'.repeat(5_000)} } } }`;
    expect(await read(deep)).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: null,
          errorType: 'QueryDepthLimitExceeded',
          message: `The query is nested deeper than the API's limit of ${serviceConfig.queryDepthLimit} levels.`,
        },
      ],
    });
    const served = await read(leaderboardAliases(serviceConfig.resolverCountLimit));
    expect(served.errors).toBeUndefined();
    expect(Object.keys(served.data ?? {})).toHaveLength(serviceConfig.resolverCountLimit);
  });

  it('answers an over-limit subscription with an error for its id and keeps the connection', async () => {
    const auth = { 'x-api-key': stack.apiKey, host: new URL(stack.graphqlUrl).host };
    const client = await RealtimeTestClient.connect(stack.realtimeUrl, auth);
    try {
      expect((await client.init()).type).toBe('connection_ack');
      const aliases = Array.from(
        { length: 1_000 },
        (_, index) => `w${index}: onLeaderboardChanged { version }`,
      ).join(' ');
      expect(await client.start('wide', { query: `subscription { ${aliases} }` }, auth)).toEqual({
        type: 'error',
        id: 'wide',
        payload: { errors: [resolverCountRefusal] },
      });
      expect(
        await client.start('watch', { query: 'subscription { onLeaderboardChanged { version } }' }, auth),
      ).toEqual({ type: 'start_ack', id: 'watch' });
    } finally {
      await client.close();
    }
  });

  it('refuses a quantity below the smallest its unit records with a ValidationError, writing nothing', async () => {
    const token = await stack.mintToken({ sub: 'tiny' });
    const response = await postGraphQL(
      stack.graphqlUrl,
      recordActivityMutation,
      { input: { type: 'cycling', quantity: 1e-131 } },
      { authorization: token },
    );
    expect(response).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          errorType: 'ValidationError',
          message: 'quantity must be at least 0.01 km.',
          errorInfo: { field: 'quantity' },
        }),
      ],
    });
    const stored = await dynamo.documentClient.send(new ScanCommand({ TableName: activitiesTable.name }));
    expect(stored.Items).toEqual([]);
  });
});
