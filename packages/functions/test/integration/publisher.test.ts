/**
 * The rebuilder's SigV4-signed `publishLeaderboard` against the local AppSync API, which
 * verifies the signature against its configured IAM credentials and runs the real resolver.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSyncPublisher, PublishError } from '../../src/rebuild/publisher.ts';
import { testDynamo, testEngine } from '@leaderboard/resolvers/test-support/engine';
import { startLocalApi, type LocalApi } from 'appsync-local';

const region = 'us-east-1';
const credentials = { accessKeyId: 'AKIDREBUILDER', secretAccessKey: 'rebuilder-secret' };
const snapshot = {
  boardId: 'global',
  version: 2,
  asOf: '2026-11-21T10:00:00.000Z',
  entries: [
    { rank: 1, previousRank: 2, userId: 'ada', displayName: 'Ada', score: 90 },
    { rank: 2, previousRank: null, userId: 'grace', displayName: null, score: 80 },
  ],
};

describe('signed publish to the local AppSync API', () => {
  let api: LocalApi;

  beforeAll(async () => {
    api = await startLocalApi({
      schemaSdl: readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'),
      engine: testEngine(testDynamo().endpoint),
      auth: {
        defaultMode: 'AWS_LAMBDA',
        additionalModes: ['AWS_IAM'],
        lambdaAuthorizer: async () => ({ isAuthorized: false }),
        iam: { region, accountId: '000000000000', credentials: [credentials] },
      },
      log: () => {},
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('publishes with the signature AppSync accepts', async () => {
    const publish = createAppSyncPublisher({ url: api.url, region, credentials });
    await expect(publish(snapshot)).resolves.toBeUndefined();
  });

  it('reports a refused signature', async () => {
    const publish = createAppSyncPublisher({
      url: api.url,
      region,
      credentials: { ...credentials, secretAccessKey: 'wrong' },
    });
    await expect(publish(snapshot)).rejects.toThrow(PublishError);
  });

  it('reports a GraphQL error from the resolver', async () => {
    const publish = createAppSyncPublisher({ url: api.url, region, credentials });
    await expect(publish({ ...snapshot, boardId: 'nonsense' })).rejects.toThrow(/ValidationError/);
  });
});
