/**
 * A newcomer's first hour, through pnpm as they type it: `pnpm start`, every command its banner
 * prints run exactly as printed, Ctrl-C; then a restart with `--persist --https`: the same API key
 * and issuer (a token from before still passes), `pnpm simulate` over HTTPS trusting the printed
 * certificate, and the dashboard served over HTTPS with it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive, readStackFile } from '@leaderboard/local/stack/stack-file';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { StackFile } from '@leaderboard/local/stack/stack-file';
import { queueDepth } from '@leaderboard/local/test-support/sqs';
import { until } from '@leaderboard/local/test-support/until';
import { postGraphQL } from 'appsync-local/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestedCommands } from '../../src/banner.ts';
import {
  failureNoise,
  pressCtrlC,
  printedCommands,
  runAsPrinted,
  startPnpm,
  stopLeftover,
  untilReady,
  type ServiceRun,
} from '../support/service-process.ts';

const stateDir = mkdtempSync(join(tmpdir(), 'leaderboard-first-hour-'));
const env = { LEADERBOARD_STACK_FILE: join(stateDir, 'stack.json') };
const startTimeoutMs = 60_000;
let run: ServiceRun | undefined;
/** Carried from the first run to the restart. */
const before: { apiKey?: string; issuerUrl?: string; token?: string; score?: number } = {};

afterAll(async () => {
  await stopLeftover(run);
  rmSync(stateDir, { recursive: true, force: true });
});

function getTrusting(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

async function aliceRecordsAndIsCounted(graphqlUrl: string, token: string): Promise<number> {
  const recorded = await postGraphQL(
    graphqlUrl,
    { query: 'mutation { recordActivity(input: {type: "steps", quantity: 8000}) { points } }' },
    { authorization: token },
  );
  expect(recorded.body.errors).toBeUndefined();
  let score = 0;
  const deadline = Date.now() + 45_000;
  while (score === 0 && Date.now() < deadline) {
    const standing = await postGraphQL(
      graphqlUrl,
      { query: '{ myStanding { score } }' },
      { authorization: token },
    );
    score = (standing.body.data?.['myStanding'] as { score: number } | undefined)?.score ?? 0;
    if (score === 0) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return score;
}

/** Until the worker has taken every message: Ctrl-C then meets an idle stack, as a user's usually does. */
async function untilQueueDrained(stack: StackFile): Promise<void> {
  const sqs = new SQSClient({
    endpoint: stack.sqsEndpoint,
    region: stack.region,
    credentials: stack.credentials,
  });
  try {
    await until(
      async () => (await queueDepth(sqs, stack.queues.activities.url)) === 0,
      'an empty queue',
      60_000,
    );
  } finally {
    sqs.destroy();
  }
}

describe('the first hour', () => {
  it('runs every command the banner prints, exactly as printed, and stops quietly on Ctrl-C', async () => {
    run = startPnpm(['start', '--port', '0', '--persist'], env);
    await untilReady(run, startTimeoutMs);
    const stack = readStackFile(env.LEADERBOARD_STACK_FILE)!;
    const commands = printedCommands(run.output());
    expect(commands).toEqual(Object.values(suggestedCommands));

    const printed: Record<string, string> = {};
    for (const command of commands) {
      const result = await runAsPrinted(command, env);
      const output = result.stdout + result.stderr;
      expect({ command, code: result.code, noise: failureNoise.exec(output)?.[0] }, output).toEqual({
        command,
        code: 0,
        noise: undefined,
      });
      printed[command] = result.stdout;
    }
    const token = /^[\w-]+\.[\w-]+\.[\w-]+$/m.exec(printed[suggestedCommands.token] ?? '')?.[0];
    expect(token).toBeDefined();
    expect(printed[suggestedCommands.simulate]).toMatch(/accepted\s+[1-9]/);
    expect(printed[suggestedCommands.deadLetters]).toContain('is empty');

    Object.assign(before, {
      apiKey: stack.apiKey,
      issuerUrl: stack.issuerUrl,
      token,
      score: await aliceRecordsAndIsCounted(stack.graphqlUrl, token!),
    });
    expect(before.score).toBeGreaterThan(0);
    await untilQueueDrained(stack);

    const shown = run.output().length;
    expect(await pressCtrlC(run)).toBe(0);
    const afterCtrlC = run.output().slice(shown);
    expect(afterCtrlC).toContain('stopped.');
    expect(afterCtrlC).not.toMatch(failureNoise);
    expect(afterCtrlC).not.toMatch(/\[(worker|pipe|rebuilder|Worker|RebuilderFunction|Authorizer)\]/);
    expect(stack.pids.dynamodb === null || !isProcessAlive(stack.pids.dynamodb)).toBe(true);
  }, 180_000);

  it('comes back with --persist --https: same key and issuer, earlier tokens pass, simulate and the dashboard over HTTPS', async () => {
    expect(before.token).toBeDefined();
    run = startPnpm(['start', '--port', '0', '--persist', '--https'], env);
    await untilReady(run, startTimeoutMs);
    const stack = readStackFile(env.LEADERBOARD_STACK_FILE)!;
    expect({ apiKey: stack.apiKey, issuerUrl: stack.issuerUrl }).toEqual({
      apiKey: before.apiKey,
      issuerUrl: before.issuerUrl,
    });
    expect(stack.certificateFile).toBe(join(stateDir, 'certificate.pem'));
    expect(run.output()).toContain(`Certificate  ${stack.certificateFile}`);
    const certificate = readFileSync(stack.certificateFile!, 'utf8');

    const simulated = await runAsPrinted('pnpm simulate --users 3 --rate 6 --duration 1s', env);
    expect(simulated.stdout + simulated.stderr).not.toMatch(failureNoise);
    expect(simulated.code).toBe(0);
    expect(simulated.stdout).toMatch(/accepted\s+6/);

    const standing = await new Promise<string>((resolve, reject) => {
      const call = request(
        stack.graphqlUrl,
        {
          method: 'POST',
          ca: certificate,
          headers: { 'content-type': 'application/json', authorization: before.token! },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(body));
        },
      );
      call.on('error', reject);
      call.end(JSON.stringify({ query: '{ myStanding { userId score } }' }));
    });
    expect(JSON.parse(standing)).toEqual({ data: { myStanding: { userId: 'alice', score: before.score } } });

    expect(stack.graphqlUrl).toMatch(/^https:/);
    const dashboardUrl = /Dashboard {4}(https:\S+)/.exec(run.output())?.[1];
    expect(dashboardUrl).toBeDefined();
    expect((await getTrusting(dashboardUrl!, certificate)).status).toBe(200);
    const config = JSON.parse((await getTrusting(`${dashboardUrl}config.json`, certificate)).body) as Record<
      string,
      string
    >;
    expect(config).toMatchObject({
      graphqlUrl: stack.graphqlUrl,
      realtimeUrl: stack.realtimeUrl,
      apiKey: stack.apiKey,
    });
    expect(config['realtimeUrl']).toMatch(/^wss:/);

    expect(await pressCtrlC(run)).toBe(0);
  }, 120_000);
});
