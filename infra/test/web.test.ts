/**
 * The dashboard's static site under Pulumi's runtime mocks (AWS is what is mocked; see
 * support/sst-program.ts): built from packages/dashboard with the API's URL and key in its
 * environment, so the build writes a config.json for this stage, and uploaded with caching that
 * lets a new key reach screens at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyResource, stateString } from './support/recorded.ts';
import {
  programRunTimeoutMs,
  repositoryRoot,
  runSstProgram,
  type ProgramRun,
  type RecordedResource,
} from './support/sst-program.ts';

let run: ProgramRun;

beforeAll(async () => {
  run = await runSstProgram();
}, programRunTimeoutMs);

const builder = (): RecordedResource =>
  onlyResource(
    run,
    'command:local:Command',
    'the dashboard build',
    (resource) => resource.name === 'DashboardBuilder',
  );
const builderEnvironment = (): Record<string, string> =>
  builder().inputs.environment as Record<string, string>;

interface UploadedFile {
  readonly key: string;
  readonly cacheControl: string;
}
const uploadedFiles = (): UploadedFile[] =>
  onlyResource(
    run,
    'pulumi-nodejs:dynamic:Resource',
    'the dashboard files',
    (resource) => resource.name === 'DashboardAssetFiles.sst.aws.BucketFiles',
  ).inputs.files as UploadedFile[];

describe('the dashboard site', () => {
  it('is a static site behind CloudFront, built from packages/dashboard', () => {
    onlyResource(run, 'sst:aws:StaticSite', 'the dashboard', (resource) => resource.name === 'Dashboard');
    onlyResource(
      run,
      'aws:cloudfront/distribution:Distribution',
      'the dashboard CDN',
      (resource) => resource.name === 'DashboardCdnDistribution',
    );
    expect(builder().inputs.create).toBe('pnpm run build');
    expect(builder().inputs.dir).toBe(join(repositoryRoot, 'packages', 'dashboard'));
    expect(run.outputs).toHaveProperty('dashboardUrl');
  });

  it("gives the build the API's URL, real-time URL and public key", () => {
    const api = onlyResource(run, 'aws:appsync/graphQLApi:GraphQLApi', 'the Api component');
    const key = onlyResource(run, 'aws:appsync/apiKey:ApiKey', 'the public API key');
    const uris = api.state.uris as Record<string, string>;
    expect(builderEnvironment()).toMatchObject({
      DASHBOARD_GRAPHQL_URL: uris['GRAPHQL'],
      DASHBOARD_REALTIME_URL: uris['REALTIME'],
      DASHBOARD_API_KEY: stateString(key, 'key'),
      DASHBOARD_REGION: 'us-east-1',
    });
  });

  it("gives the employee page's sign-in the pool's issuer, public client and managed login's sign-out", () => {
    const pool = onlyResource(run, 'aws:cognito/userPool:UserPool', 'the user pool');
    const client = onlyResource(run, 'aws:cognito/userPoolClient:UserPoolClient', 'the app client');
    const domain = onlyResource(run, 'aws:cognito/userPoolDomain:UserPoolDomain', 'the managed login domain');
    expect(builderEnvironment()).toMatchObject({
      DASHBOARD_SIGN_IN_ISSUER: `https://cognito-idp.us-east-1.amazonaws.com/${pool.id}`,
      DASHBOARD_SIGN_IN_CLIENT_ID: client.id,
      DASHBOARD_SIGN_IN_LOGOUT_URL: `https://${stateString(domain, 'domain')}.auth.us-east-1.amazoncognito.com/logout`,
    });
    expect(Object.keys(builderEnvironment()).sort()).toEqual([
      'DASHBOARD_API_KEY',
      'DASHBOARD_GRAPHQL_URL',
      'DASHBOARD_REALTIME_URL',
      'DASHBOARD_REGION',
      'DASHBOARD_SIGN_IN_CLIENT_ID',
      'DASHBOARD_SIGN_IN_ISSUER',
      'DASHBOARD_SIGN_IN_LOGOUT_URL',
    ]);
  });

  it('writes config.json for the stage when the build command runs with that environment', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'leaderboard-dashboard-infra-'));
    try {
      const build = spawnSync(`${builder().inputs.create as string} --out ${outDir}`, {
        cwd: builder().inputs.dir as string,
        env: { ...process.env, ...builderEnvironment() },
        shell: true,
        encoding: 'utf8',
      });
      expect(build.status, build.stderr).toBe(0);
      const config = JSON.parse(readFileSync(join(outDir, 'config.json'), 'utf8')) as Record<string, unknown>;
      expect(config).toMatchObject({
        graphqlUrl: builderEnvironment()['DASHBOARD_GRAPHQL_URL'],
        realtimeUrl: builderEnvironment()['DASHBOARD_REALTIME_URL'],
        apiKey: builderEnvironment()['DASHBOARD_API_KEY'],
        region: 'us-east-1',
        signIn: {
          issuer: builderEnvironment()['DASHBOARD_SIGN_IN_ISSUER'],
          clientId: builderEnvironment()['DASHBOARD_SIGN_IN_CLIENT_ID'],
          logoutUrl: builderEnvironment()['DASHBOARD_SIGN_IN_LOGOUT_URL'],
        },
      });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('never caches the page or its config; caches hashed bundles for good', () => {
    const files = uploadedFiles();
    const cacheOf = (key: string) => files.find((file) => file.key === key)?.cacheControl;
    expect(cacheOf('index.html')).toMatch(/no-cache/);
    expect(cacheOf('me.html')).toMatch(/no-cache/);
    expect(cacheOf('config.json')).toMatch(/no-cache/);
    const bundles = files.filter((file) => /^main-[A-Z0-9]+\.js$/.test(file.key));
    expect(bundles).toHaveLength(1);
    expect(bundles[0]!.cacheControl).toMatch(/immutable/);
  });
});
