/**
 * `pnpm dev` as a user runs it, on a copy of the service's resolvers (the real sources are
 * never edited): a saved change to a resolver is served within seconds, with no restart:
 * DynamoDB Local keeps running and recorded data stays; a change that does not build leaves
 * the previous resolvers serving.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localStateDirectory, repositoryRoot } from '@leaderboard/local/stack/paths';
import { isProcessAlive, readStackFile } from '@leaderboard/local/stack/stack-file';
import { until } from '@leaderboard/local/test-support/until';
import { postGraphQL } from 'appsync-local/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  failureNoise,
  pressCtrlC,
  runAsPrinted,
  startPnpm,
  stopLeftover,
  untilReady,
  type ServiceRun,
} from '../support/service-process.ts';

// Inside the repository, so the copy's imports (@leaderboard/core) resolve as the originals' do.
mkdirSync(localStateDirectory, { recursive: true });
const workDir = mkdtempSync(join(localStateDirectory, 'dev-test-'));
const resolversDir = join(workDir, 'resolvers');
cpSync(join(repositoryRoot, 'packages', 'resolvers', 'src'), resolversDir, { recursive: true });
const env = { LEADERBOARD_STACK_FILE: join(workDir, 'stack.json') };
let run: ServiceRun | undefined;

afterAll(async () => {
  await stopLeftover(run);
  rmSync(workDir, { recursive: true, force: true });
});

const activityTypesFile = join(resolversDir, 'Query.activityTypes.ts');
const original = readFileSync(activityTypesFile, 'utf8');

async function activityNames(graphqlUrl: string, apiKey: string): Promise<string[]> {
  const answer = await postGraphQL(
    graphqlUrl,
    { query: '{ activityTypes { name } }' },
    { 'x-api-key': apiKey },
  );
  return ((answer.body.data?.['activityTypes'] ?? []) as Array<{ name: string }>).map((type) => type.name);
}

async function scoreOf(graphqlUrl: string, token: string): Promise<number> {
  const answer = await postGraphQL(
    graphqlUrl,
    { query: '{ myStanding { score } }' },
    { authorization: token },
  );
  return (answer.body.data?.['myStanding'] as { score: number } | undefined)?.score ?? 0;
}

describe('pnpm dev', () => {
  it('serves a saved resolver change within seconds, without a restart, keeping the data', async () => {
    run = startPnpm(['dev', '--port', '0', '--resolvers-dir', resolversDir], env);
    await untilReady(run, 60_000);
    expect(run.output()).toContain('Live reload');
    const stack = readStackFile(env.LEADERBOARD_STACK_FILE)!;
    const { graphqlUrl, apiKey } = stack;

    const token = (await runAsPrinted('pnpm -s issue-token --user bob', env)).stdout.trim();
    const recorded = await postGraphQL(
      graphqlUrl,
      { query: 'mutation { recordActivity(input: {type: "steps", quantity: 6000}) { points } }' },
      { authorization: token },
    );
    expect(recorded.body.errors).toBeUndefined();
    await until(async () => (await scoreOf(graphqlUrl, token)) > 0, 'the worker to count bob', 20_000);
    const score = await scoreOf(graphqlUrl, token);
    const namesBefore = await activityNames(graphqlUrl, apiKey);
    expect(namesBefore.length).toBeGreaterThan(0);

    writeFileSync(activityTypesFile, `${original}\nexport function broken( {\n`);
    await until(() => run!.output().includes('still serving the previous ones'), 'the failed build', 10_000);
    expect(await activityNames(graphqlUrl, apiKey)).toEqual(namesBefore);

    const savedAt = Date.now();
    writeFileSync(
      activityTypesFile,
      original.replace('name: definition.name,', 'name: `${definition.name} (edited)`,'),
    );
    await until(
      async () => (await activityNames(graphqlUrl, apiKey)).every((name) => name.endsWith(' (edited)')),
      'the edited resolver to serve',
      10_000,
    );
    expect(Date.now() - savedAt).toBeLessThan(5_000);
    expect(run.output()).toMatch(/\[dev\] resolvers rebuilt and reloaded in \d+ ms/);

    expect(await scoreOf(graphqlUrl, token)).toBe(score);
    expect(isProcessAlive(stack.pids.dynamodb!)).toBe(true);
    expect(readStackFile(env.LEADERBOARD_STACK_FILE)?.pids).toEqual(stack.pids);

    const shown = run.output().length;
    expect(await pressCtrlC(run)).toBe(0);
    expect(run.output().slice(shown)).not.toMatch(failureNoise);
  }, 150_000);
});
