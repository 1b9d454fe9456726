import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublishLeaderboardInput } from '@leaderboard/core/generated/schema';
import { serviceConfig } from '@leaderboard/core/config';
import { scoresTable } from '@leaderboard/core/tables';
import type { RebuildDependencies } from '../../src/rebuild/run-rebuild.ts';

/**
 * Stands for AppSync's `publishLeaderboard`: records what the rebuilder published. The real
 * SigV4-signed publish to the local AppSync runtime is exercised end to end elsewhere.
 */
export function recordingPublisher(): {
  published: PublishLeaderboardInput[];
  publish: (input: PublishLeaderboardInput) => Promise<void>;
} {
  const published: PublishLeaderboardInput[] = [];
  return {
    published,
    publish: async (input) => {
      published.push(structuredClone(input));
    },
  };
}

export function rebuildDependencies(
  documentClient: DynamoDBDocumentClient,
  publish: RebuildDependencies['publish'],
  overrides: Partial<Pick<RebuildDependencies, 'shards' | 'topN' | 'now'>> = {},
): RebuildDependencies {
  return {
    documentClient,
    scoresTable: scoresTable.name,
    shards: serviceConfig.scoreShards,
    topN: serviceConfig.topN,
    config: serviceConfig,
    publish,
    ...overrides,
  };
}
