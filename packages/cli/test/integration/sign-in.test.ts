/**
 * `pnpm sign-in` as a child process against a local stack: the test plays the browser (opens the
 * printed sign-in URL, fills in the issuer's form, follows the redirect to the command's loopback
 * listener), then `pnpm sign-in --print` gives a token the API accepts, and renews it once
 * expired.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearAllTables, testDynamo } from '@leaderboard/core/test-support/dynamodb';
import { startLocalStack, type LocalStack } from '@leaderboard/local/stack/local-stack';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { stackFileFor, writeStackFile } from '@leaderboard/local/stack/stack-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSignIn } from '../../src/sign-in-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'leaderboard-sign-in-'));
const stackFile = join(directory, 'stack.json');
const signInFile = join(directory, 'sign-in.json');
let stack: LocalStack;

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function signInCommand(args: string[]): {
  child: ChildProcess;
  finished: Promise<Finished>;
  url: Promise<URL>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repositoryRoot, 'packages', 'cli', 'src', 'sign-in.ts'), ...args],
    {
      cwd: repositoryRoot,
      env: { ...process.env, LEADERBOARD_STACK_FILE: stackFile, LEADERBOARD_SIGN_IN_FILE: signInFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let announce: (url: URL) => void = () => undefined;
  const url = new Promise<URL>((resolve) => (announce = resolve));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const printed = /Sign in at:\n\s+(\S+)/.exec(stderr);
    if (printed) announce(new URL(printed[1]!));
  });
  const finished = new Promise<Finished>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, finished, url };
}

/** What a browser does with the sign-in page: load the form, submit it, follow the redirect home. */
async function signInAsBrowser(url: URL, user: Record<string, string>): Promise<Response> {
  const form = await fetch(url);
  expect(await form.text()).toContain('name="display_name"');
  return fetch(`${url.origin}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...url.searchParams, ...Object.entries(user)]),
  });
}

const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

async function myStanding(token: string): Promise<unknown> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query: '{ myStanding { userId score } }' }),
  });
  return response.json();
}

beforeAll(async () => {
  const dynamo = testDynamo();
  await clearAllTables(dynamo.documentClient);
  stack = await startLocalStack({ dynamoEndpoint: dynamo.endpoint, log: () => undefined });
  writeStackFile(stackFile, stackFileFor(stack));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('pnpm sign-in against the local issuer', () => {
  it('signs in through the code flow with PKCE, keeps the tokens owner-only, and --print gives one the API accepts', async () => {
    const command = signInCommand(['--no-browser']);
    const url = await command.url;
    expect(url.origin).toBe(stack.issuerUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const landing = await signInAsBrowser(url, {
      user_id: 'grace',
      display_name: 'Grace Hopper',
      team: 'navy',
    });
    expect(await landing.text()).toContain('Signed in.');
    const result = await command.finished;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Signed in as Grace Hopper (grace)');

    expect(statSync(signInFile).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(signInFile, 'utf8')) as StoredSignIn;
    expect(stored).toMatchObject({
      issuer: stack.issuerUrl,
      clientId: 'appsync-local',
      refreshToken: expect.any(String),
    });

    const printed = signInCommand(['--print']);
    const { code, stdout } = await printed.finished;
    expect(code).toBe(0);
    const token = stdout.trim();
    expect(claimsOf(token)).toMatchObject({
      sub: 'grace',
      name: 'Grace Hopper',
      'custom:team': 'navy',
      aud: 'appsync-local',
    });
    expect(await myStanding(token)).toEqual({ data: { myStanding: { userId: 'grace', score: 0 } } });
  });

  it('renews an expired token with the refresh token when asked to print it', async () => {
    const stored = JSON.parse(readFileSync(signInFile, 'utf8')) as StoredSignIn;
    writeFileSync(signInFile, JSON.stringify({ ...stored, expiresAt: Date.now() - 1000 }), { mode: 0o600 });
    const { code, stdout, stderr } = await signInCommand(['--print']).finished;
    expect(code, stderr).toBe(0);
    const renewed = stdout.trim();
    expect(renewed).not.toBe(stored.idToken);
    expect(claimsOf(renewed)).toMatchObject({ sub: 'grace', name: 'Grace Hopper' });
    const kept = JSON.parse(readFileSync(signInFile, 'utf8')) as StoredSignIn;
    expect(kept.idToken).toBe(renewed);
    expect(kept.refreshToken).toBe(stored.refreshToken);
    expect(kept.expiresAt).toBeGreaterThan(Date.now());
  });

  it("takes a user pool's fixed loopback ports when given an issuer and client id", async () => {
    const command = signInCommand([
      '--no-browser',
      '--issuer',
      stack.issuerUrl,
      '--client-id',
      'appsync-local',
    ]);
    const url = await command.url;
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:5368[234]\/callback$/);
    await signInAsBrowser(url, { user_id: 'ada', display_name: 'Ada Lovelace', admin: 'on' });
    expect((await command.finished).code).toBe(0);
    const { stdout } = await signInCommand(['--print']).finished;
    expect(claimsOf(stdout.trim())).toMatchObject({ sub: 'ada', 'cognito:groups': ['admins'] });
  });

  it('reports a refused sign-in plainly, without a stack trace', async () => {
    const command = signInCommand(['--no-browser']);
    const url = await command.url;
    const back = new URL(url.searchParams.get('redirect_uri')!);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'the user said no');
    back.searchParams.set('state', url.searchParams.get('state')!);
    await fetch(back);
    const result = await command.finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: the issuer refused: the user said no');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks to sign in first when nothing is stored', async () => {
    rmSync(signInFile, { force: true });
    const result = await signInCommand(['--print']).finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not signed in: run `pnpm sign-in` first');
  });
});
