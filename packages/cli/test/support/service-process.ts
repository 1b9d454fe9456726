/**
 * The commands as a user runs them: `pnpm <script> ...` in a process group of its own, as a
 * terminal starts it, interrupted the way Ctrl-C interrupts it (SIGINT to the whole group), and
 * printed commands run as printed through a shell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { until } from '@leaderboard/local/test-support/until';

export interface ServiceRun {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `pnpm <args>` started as a terminal starts it: the leader of a new process group. */
export function startPnpm(args: readonly string[], env: Readonly<Record<string, string>>): ServiceRun {
  const child = spawn('pnpm', [...args], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function untilReady(run: ServiceRun, timeoutMs: number): Promise<void> {
  await until(
    () => run.output().includes('Press Ctrl-C to stop.') || run.child.exitCode !== null,
    'the banner',
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${run.output()}`);
  });
  if (run.child.exitCode !== null) throw new Error(`exited before its banner:\n${run.output()}`);
}

/** Ctrl-C in the terminal: SIGINT to every process of the group. Resolves with the exit code. */
export function pressCtrlC(run: ServiceRun): Promise<number | null> {
  if (run.child.pid !== undefined && run.child.exitCode === null) process.kill(-run.child.pid, 'SIGINT');
  return run.exited;
}

/** Ends a run a test left behind (a failed assertion before its Ctrl-C). */
export async function stopLeftover(run: ServiceRun | undefined): Promise<void> {
  if (run && run.child.exitCode === null) await pressCtrlC(run);
}

/** A command line exactly as printed, through `sh -c`, from the repository root. */
export function runAsPrinted(
  commandLine: string,
  env: Readonly<Record<string, string>>,
): Promise<CommandResult> {
  const child = spawn('sh', ['-c', commandLine], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The `pnpm ...` command lines a banner suggests, as printed (up to the two spaces before a note). */
export function printedCommands(banner: string): string[] {
  return [...banner.matchAll(/^ {2}[A-Z][\w ]*: +(pnpm [^\n]*?)(?: {2,}\(.*)?$/gm)].map((match) =>
    match[1]!.trim(),
  );
}

/** What a user must never see on a normal run: pnpm's or npm's failure lines, stack traces, refused connections. */
export const failureNoise =
  /ELIFECYCLE|ERR_PNPM|npm (error|ERR!)|ECONNREFUSED|\n\s+at \S+ \(|Unhandled|error:/i;
