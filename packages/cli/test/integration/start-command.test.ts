/**
 * `pnpm start` as a user runs it: a child process, stopped with Ctrl-C (SIGINT), refusing
 * clearly when its port is taken or Java is missing, and leaving no Java process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { isProcessAlive, readStackFile } from '@leaderboard/local/stack/stack-file';
import { until } from '@leaderboard/local/test-support/until';
import { postGraphQL } from 'appsync-local/testing';

const directory = mkdtempSync(join(tmpdir(), 'leaderboard-start-'));
const startScript = join(repositoryRoot, 'packages', 'cli', 'src', 'start.ts');

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function runStart(
  args: string[],
  env: Record<string, string> = {},
  stackFile = join(directory, 'stack.json'),
): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', startScript, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, LEADERBOARD_STACK_FILE: stackFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** DynamoDB Local processes whose parent is gone (re-parented to init). */
function orphanedDynamoDbLocals(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const parent = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return cmdline.includes('DynamoDBLocal.jar') && parent === '1';
      } catch {
        return false;
      }
    })
    .map(Number);
}

let orphansBefore: Set<number>;

beforeAll(() => {
  orphansBefore = new Set(orphanedDynamoDbLocals());
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const newOrphans = () => orphanedDynamoDbLocals().filter((pid) => !orphansBefore.has(pid));

/** Something else listening on a loopback port of the system's choosing. */
async function occupiedPort(): Promise<{ port: number; blocker: Server }> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as AddressInfo).port, blocker };
}

describe('pnpm start', () => {
  it('serves the API, writes the stack file, refuses a second instance and stops everything on Ctrl-C', async () => {
    const stackFile = join(directory, 'stack.json');
    const run = runStart(['--port', '0', '--rebuild-every', '1s'], {}, stackFile);
    await until(() => run.output().includes('Press Ctrl-C to stop.'), 'the banner', 45_000).catch(
      (error: unknown) => {
        throw new Error(`${(error as Error).message}\n${run.output()}`);
      },
    );
    const stack = readStackFile(stackFile);
    expect(stack?.pids.stack).toBe(run.child.pid);
    expect(run.output()).toContain(stack?.graphqlUrl);
    expect(run.output()).toContain(stack?.apiKey);
    expect(run.output()).toContain('pnpm issue-token --user alice');
    const answer = await postGraphQL(
      stack?.graphqlUrl ?? '',
      { query: '{ activityTypes { type } }' },
      { 'x-api-key': stack?.apiKey ?? '' },
    );
    expect(answer.body.data?.['activityTypes']).toEqual(expect.arrayContaining([{ type: 'running' }]));
    const javaPid = stack?.pids.dynamodb ?? 0;
    expect(isProcessAlive(javaPid)).toBe(true);

    const second = runStart(['--port', '0'], {}, stackFile);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/error: a local stack is already running \(pid \d+/);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped.');
    expect(existsSync(stackFile)).toBe(false);
    await until(() => !isProcessAlive(javaPid), 'DynamoDB Local to exit', 5_000);
    expect(newOrphans()).toEqual([]);
  });

  it('stops what it started when interrupted during start-up', async () => {
    const stackFile = join(directory, 'interrupted.json');
    const run = runStart(['--port', '0'], {}, stackFile);
    await until(() => run.output().includes('starting DynamoDB Local'), 'start-up to begin', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped.');
    expect(existsSync(stackFile)).toBe(false);
    expect(newOrphans()).toEqual([]);
  });

  it('says clearly that its port is taken, and leaves nothing running', async () => {
    const { port, blocker } = await occupiedPort();
    try {
      const run = runStart(['--port', String(port)], {}, join(directory, 'taken.json'));
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`error: port ${port} is already in use`);
      expect(run.output()).not.toMatch(/\n\s+at /);
      expect(existsSync(join(directory, 'taken.json'))).toBe(false);
      expect(newOrphans()).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('says clearly that the dashboard port is taken, and leaves nothing running', async () => {
    const { port, blocker } = await occupiedPort();
    try {
      const stackFile = join(directory, 'dashboard-taken.json');
      const run = runStart(['--port', '0', '--dashboard-port', String(port)], {}, stackFile);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`error: dashboard port ${port} is already in use`);
      expect(run.output()).not.toMatch(/\n\s+at /);
      expect(existsSync(stackFile)).toBe(false);
      expect(newOrphans()).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('says clearly that Java is missing', async () => {
    const run = runStart(['--port', '0'], { PATH: '/nonexistent' }, join(directory, 'nojava.json'));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('error: Java was not found on PATH');
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('explains a bad option', async () => {
    const run = runStart(['--rebuild-every', 'soon'], {}, join(directory, 'bad.json'));
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('error: "soon" is not a duration');
    expect(run.output()).toContain('Usage: pnpm start');
  });
});
