/**
 * Vitest global setup for the infra project: builds the dashboard into packages/dashboard/dist
 * once per run, standing in for the StaticSite's build command, which does not run under
 * Pulumi's mocks while the component still reads its output directory. Like the real build it
 * writes a config.json (with placeholder values: the API does not exist yet).
 */
import { buildDashboard } from '../../../packages/dashboard/build.ts';

export default async function setup(): Promise<void> {
  await buildDashboard({
    config: {
      graphqlUrl: 'https://placeholder.appsync-api.us-east-1.amazonaws.com/graphql',
      realtimeUrl: 'wss://placeholder.appsync-realtime-api.us-east-1.amazonaws.com/graphql',
      apiKey: 'da2-placeholder',
      region: 'us-east-1',
      programs: [],
    },
  });
}
