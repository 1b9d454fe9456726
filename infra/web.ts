import { api, apiKey } from './api.ts';
import { userPool, userPoolClient, userPoolIssuer } from './auth.ts';

/** Environment names the dashboard's build reads to write config.json (packages/dashboard/build.ts). */
export const dashboardConfigEnvironment = {
  graphqlUrl: 'DASHBOARD_GRAPHQL_URL',
  realtimeUrl: 'DASHBOARD_REALTIME_URL',
  apiKey: 'DASHBOARD_API_KEY',
  region: 'DASHBOARD_REGION',
  signInIssuer: 'DASHBOARD_SIGN_IN_ISSUER',
  signInClientId: 'DASHBOARD_SIGN_IN_CLIENT_ID',
  signInLogoutUrl: 'DASHBOARD_SIGN_IN_LOGOUT_URL',
} as const;

const noCache = 'max-age=0,no-cache,no-store,must-revalidate';

/**
 * The live dashboard for public screens: the page reads the leaderboard with the public API key.
 * The bundle is the same for every stage; config.json, written by the build from the API's
 * outputs, is what differs, and it is never cached, so a rotated key reaches screens at once.
 * The picker's programs are the API's (`programs`).
 */
export const dashboard = new sst.aws.StaticSite('Dashboard', {
  path: 'packages/dashboard',
  build: { command: 'pnpm run build', output: 'dist' },
  environment: {
    [dashboardConfigEnvironment.graphqlUrl]: api.url,
    [dashboardConfigEnvironment.realtimeUrl]: api.nodes.api.uris.apply((uris) => uris['REALTIME'] ?? ''),
    [dashboardConfigEnvironment.apiKey]: apiKey.key,
    [dashboardConfigEnvironment.region]: aws.getRegionOutput().region,
    // The employee page (me.html) signs in with managed login: the pool's issuer and public client.
    [dashboardConfigEnvironment.signInIssuer]: userPoolIssuer,
    [dashboardConfigEnvironment.signInClientId]: userPoolClient.id,
    [dashboardConfigEnvironment.signInLogoutUrl]: $interpolate`${userPool.domainUrl}/logout`,
  },
  assets: {
    fileOptions: [
      // Bundles are content-hashed: a new build gets new names.
      { files: '**', cacheControl: 'max-age=31536000,public,immutable' },
      { files: ['**/*.html', 'config.json'], cacheControl: noCache },
    ],
  },
  // There is no dev server: under `sst dev` the site is deployed like the rest.
  dev: false,
});
