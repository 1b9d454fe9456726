/**
 * `pnpm issue-token`, `pnpm dlq` and `pnpm simulate` as child processes against a local stack
 * started here (on the test run's shared DynamoDB Local), found through its stack file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { serviceConfig } from '@leaderboard/core';
import { startLocalStack, type LocalStack } from '@leaderboard/local/stack/local-stack';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { stackFileFor, writeStackFile } from '@leaderboard/local/stack/stack-file';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { queueDepth } from '@leaderboard/local/test-support/sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redriveDeadLetters } from '../../src/dead-letters.ts';
import { CliError } from '../../src/errors.ts';
import type { SimulationSummary } from '../../src/simulation.ts';

const directory = mkdtempSync(join(tmpdir(), 'leaderboard-cli-'));
const stackFile = join(directory, 'stack.json');
let stack: LocalStack;
let sqs: SQSClient;

interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function command(
  name: 'token' | 'dlq' | 'simulate',
  args: string[],
  file = stackFile,
): Promise<CommandResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repositoryRoot, 'packages', 'cli', 'src', `${name}.ts`), ...args],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LEADERBOARD_STACK_FILE: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  const dynamo = testDynamo();
  await clearAllTables(dynamo.documentClient);
  stack = await startLocalStack({
    dynamoEndpoint: dynamo.endpoint,
    streamStartingPosition: 'LATEST',
    log: () => undefined,
  });
  writeStackFile(stackFile, stackFileFor(stack));
  sqs = new SQSClient({ endpoint: stack.sqsEndpoint, region: stack.region, credentials: stack.credentials });
}, 60_000);

afterAll(async () => {
  sqs?.destroy();
  await stack?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('pnpm issue-token', () => {
  it('prints a token from the local issuer that the API accepts', async () => {
    const result = await command('token', [
      '--user',
      'alice',
      '--name',
      'Alice Doe',
      '--groups',
      'coaches, admins',
    ]);
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(claimsOf(token)).toMatchObject({
      sub: 'alice',
      name: 'Alice Doe',
      'cognito:groups': ['coaches', 'admins'],
      iss: stack.issuerUrl,
    });
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query: '{ myStanding { userId score } }' }),
    });
    expect(await response.json()).toEqual({ data: { myStanding: { userId: 'alice', score: 0 } } });
  });

  it('asks for --user', async () => {
    const result = await command('token', []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --user is required');
  });

  it('says plainly when no stack is running', async () => {
    const result = await command('token', ['--user', 'alice'], join(directory, 'absent.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the local stack is not running .*pnpm start/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly when the recorded stack has exited', async () => {
    const stale = join(directory, 'stale.json');
    writeStackFile(stale, { ...stackFileFor(stack), pids: { stack: 2 ** 22 + 17, dynamodb: null } });
    const result = await command('token', ['--user', 'alice'], stale);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is no longer running');
  });
});

describe('pnpm dlq', () => {
  it('lists the dead letters without consuming them, then redrives them to the activities queue', async () => {
    await stack.worker.stop();
    const record = JSON.stringify({ eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'ACT#zoe#k1' } } } });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.deadLetter.url, MessageBody: record }));
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.deadLetter.url, MessageBody: 'garbage' }));

    const listed = await command('dlq', ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('2 message(s) in ActivitiesDeadLetterQueue');
    expect(listed.stdout).toContain('INSERT ACT#zoe#k1');
    expect(listed.stdout).toContain('garbage');
    const again = await command('dlq', ['--json']);
    expect((JSON.parse(again.stdout) as unknown[]).length).toBe(2);

    const redriven = await command('dlq', ['redrive']);
    expect(redriven.code).toBe(0);
    expect(redriven.stdout).toContain('moved 2 message(s)');
    expect(await queueDepth(sqs, stack.queues.deadLetter.url)).toBe(0);
    expect(await queueDepth(sqs, stack.queues.queue.url)).toBe(2);
    expect((await command('dlq', [])).stdout).toContain('ActivitiesDeadLetterQueue is empty');
  });

  it('reports a redrive that does not finish in time as a CLI error, not a crash', async () => {
    const failure: unknown = await redriveDeadLetters(sqs, stackFileFor(stack), 0).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CliError);
    expect(failure).toMatchObject({ name: 'RedriveError', message: 'the redrive did not finish within 0 s' });
  });

  it('refuses an unknown subcommand', async () => {
    const result = await command('dlq', ['purge']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "purge"');
  });
});

describe('pnpm simulate', () => {
  it('records in the running programs, creating one as an admin when none runs', async () => {
    const result = await command('simulate', [
      '--users',
      '2',
      '--rate',
      '6',
      '--duration',
      '1s',
      '--json',
      '--prefix',
      'prog-',
    ]);
    expect(result.code).toBe(0);
    const graphql = async (query: string, headers: Record<string, string>) => {
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: Record<string, unknown> };
    };
    const running = await graphql('{ programs(status: ACTIVE) { id activityTypes } }', {
      'x-api-key': stack.apiKey,
    });
    const programs = running.data['programs'] as Array<{ id: string; activityTypes: string[] }>;
    expect(programs.map((program) => program.id)).toEqual([
      `simulation-${new Date().toISOString().slice(0, 10)}`,
    ]);
    const token = await stack.mintToken({ sub: 'prog-1' });
    const history = await graphql('{ myActivities(limit: 100) { items { programId } } }', {
      authorization: token,
    });
    const items = (history.data['myActivities'] as { items: Array<{ programId: string | null }> }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.programId === programs[0]!.id)).toBe(true);
  });

  it('refuses programs that are not running', async () => {
    const result = await command('simulate', [
      '--users',
      '1',
      '--duration',
      '1s',
      '--programs',
      'no-such-program',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-program, not running now');
  });

  it('records activities for several users through the API and sums up the answers', async () => {
    const result = await command('simulate', [
      '--users',
      '3',
      '--rate',
      '12',
      '--duration',
      '1s',
      '--json',
      '--prefix',
      'sim-',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as SimulationSummary;
    expect(summary).toMatchObject({ planned: 12, sent: 12, accepted: 12, refused: 0, failed: 0 });
    expect(Object.keys(summary.pointsByUser).sort()).toEqual(['sim-1', 'sim-2', 'sim-3']);
  });

  it('counts refusals apart from failures', async () => {
    // 70 calls from one user within a second: over the per-minute rate limit even if the
    // second straddles two minutes, so the excess is refused (RateLimited), not failed.
    const result = await command('simulate', [
      '--users',
      '1',
      '--rate',
      '70',
      '--duration',
      '1s',
      '--json',
      '--prefix',
      'busy-',
    ]);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as SimulationSummary;
    expect(summary.failed).toBe(0);
    expect(summary.refused).toBeGreaterThanOrEqual(70 - 2 * serviceConfig.rateLimitPerMinute);
    expect(summary.refusedByType['RateLimited']).toBe(summary.refused);
    expect(summary.accepted + summary.refused).toBe(70);
  });
});
