/**
 * Vitest global setup for the infra project: builds what the program reads from disk, once per
 * run. The resolver bundles are what `sst deploy` ships as resolver code. The dashboard build
 * stands in for the StaticSite's build command, which does not run under Pulumi's mocks while
 * the component still reads its output directory; like the real build it writes a config.json
 * (with placeholder values: the API does not exist yet).
 */
import { buildDashboard } from '@leaderboard/dashboard/build';
import { buildServiceResolvers } from '@leaderboard/resolvers/bundle';

export default async function setup(): Promise<void> {
  await buildServiceResolvers();
  await buildDashboard({
    config: {
      graphqlUrl: 'https://placeholder.appsync-api.us-east-1.amazonaws.com/graphql',
      realtimeUrl: 'wss://placeholder.appsync-realtime-api.us-east-1.amazonaws.com/graphql',
      apiKey: 'da2-placeholder',
      region: 'us-east-1',
    },
  });
}
