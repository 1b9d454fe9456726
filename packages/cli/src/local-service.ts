/**
 * What `pnpm start` and `pnpm dev` share: refuse a second stack, build the resolver bundles and
 * the dashboard, start the stack, write `.local/stack.json` for the other commands, print the
 * banner, and on Ctrl-C stop everything it started and exit 0.
 */
import { buildDashboard, DashboardBuildError } from '@leaderboard/dashboard/build';
import { LocalStackStartError } from '@leaderboard/local/stack/errors';
import { startLocalStack } from '@leaderboard/local/stack/local-stack';
import type { LocalStack, LocalStackOptions } from '@leaderboard/local/stack/options';
import { stackFilePath, stateDirectory, stateFiles } from '@leaderboard/local/stack/paths';
import {
  isDynamoDbLocalProcess,
  isProcessAlive,
  readStackFile,
  removeStackFile,
  stackFileFor,
  StackFileError,
  writeStackFile,
} from '@leaderboard/local/stack/stack-file';
import { banner } from './banner.ts';
import { CliError, UsageError } from './errors.ts';
import type { ServiceOptions } from './service-options.ts';

/** What a command adds around the stack. */
export interface ServiceCommand<Options extends ServiceOptions> {
  readonly usage: string;
  readonly parse: (argv: readonly string[]) => Options | 'help';
  /** Builds the resolver bundles; resolves with their folder. */
  readonly bundles: (options: Options, log: (line: string) => void) => Promise<string>;
  readonly stackOptions?: (options: Options) => Partial<LocalStackOptions>;
  /** Runs beside the started stack (live reload); its banner lines and its stop. */
  readonly attach?: (
    stack: LocalStack,
    options: Options,
    log: (line: string) => void,
  ) => Promise<{ readonly bannerLines: readonly string[]; stop(): Promise<void> }>;
  /** Stops what `bundles` started (a watcher), also when start-up failed. */
  readonly release?: () => Promise<void>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Refuses a second stack; cleans up after one that died without stopping its Java process. */
function checkPreviousRun(): void {
  const previous = readStackFile(stackFilePath());
  if (!previous) return;
  if (isProcessAlive(previous.pids.stack)) {
    throw new LocalStackStartError(
      `a local stack is already running (pid ${previous.pids.stack}, ${previous.graphqlUrl}); stop it first`,
    );
  }
  const javaPid = previous.pids.dynamodb;
  if (javaPid !== null && isProcessAlive(javaPid) && isDynamoDbLocalProcess(javaPid)) {
    process.kill(javaPid, 'SIGTERM');
    log(`stopped DynamoDB Local (pid ${javaPid}) left behind by an earlier run`);
  }
  removeStackFile(stackFilePath(), previous.pids.stack);
}

/** The same Ctrl-C arrives twice under pnpm: from the terminal, and relayed by pnpm. */
const relayWindowMs = 1_000;

/** Resolves on the first Ctrl-C (or SIGTERM, SIGHUP); a later one only says it is still stopping. */
function stopSignal(): { readonly requested: Promise<void>; received: () => boolean } {
  let signalled: string | undefined;
  let signalledAt = 0;
  let wake: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => (wake = resolve));
  const onSignal = (signal: string) => {
    if (signalled) {
      if (performance.now() - signalledAt > relayWindowMs)
        log(`${signal} again: still stopping, please wait`);
      return;
    }
    signalled = signal;
    signalledAt = performance.now();
    log(`\n${signal}: stopping...`);
    wake();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => onSignal(signal));
  return { requested, received: () => signalled !== undefined };
}

const isStartFailure = (error: unknown) =>
  error instanceof LocalStackStartError ||
  error instanceof StackFileError ||
  error instanceof DashboardBuildError ||
  error instanceof CliError;

async function startService<Options extends ServiceOptions>(
  command: ServiceCommand<Options>,
  options: Options,
): Promise<LocalStack> {
  checkPreviousRun();
  const stateDir = stateDirectory();
  const bundlesDir = await command.bundles(options, log);
  // Built on each start, like the resolver bundles, so the page always matches the source.
  const dashboard = await buildDashboard({ outDir: stateFiles(stateDir).dashboard });
  log('starting DynamoDB Local, the SQS emulator, the API, the pipe, the worker and the rebuilder...');
  return startLocalStack({
    bundlesDir,
    dashboardDir: dashboard.outDir,
    dashboardPort: options.dashboardPort,
    port: options.port,
    persist: options.persist,
    stateDir,
    rebuildIntervalMs: options.rebuildIntervalMs,
    verbose: options.verbose,
    https: options.https,
    log,
    ...command.stackOptions?.(options),
  });
}

/** What runs beside the stack; if it cannot start, the stack is stopped before the error goes on. */
async function attachTo<Options extends ServiceOptions>(
  command: ServiceCommand<Options>,
  stack: LocalStack,
  options: Options,
) {
  try {
    return await command.attach?.(stack, options, log);
  } catch (error) {
    await command.release?.();
    await stack.stop();
    throw error;
  }
}

async function serve<Options extends ServiceOptions>(
  command: ServiceCommand<Options>,
  options: Options,
): Promise<number> {
  // Signals are caught from the start: a Ctrl-C during start-up still stops what was started.
  const stop = stopSignal();
  const startedAt = performance.now();
  let stack: LocalStack;
  try {
    stack = await startService(command, options);
  } catch (error) {
    await command.release?.();
    if (!isStartFailure(error)) throw error;
    log(`error: ${(error as Error).message}`);
    return stop.received() ? 0 : 1;
  }
  const attached = stop.received() ? undefined : await attachTo(command, stack, options);
  if (!stop.received()) {
    writeStackFile(stackFilePath(), stackFileFor(stack));
    const readyMs = performance.now() - startedAt;
    const extra = attached?.bannerLines ?? [];
    process.stdout.write(banner({ stack, options, stateDir: stateDirectory(), readyMs, extra }));
  }
  await stop.requested;
  removeStackFile(stackFilePath());
  await attached?.stop();
  await command.release?.();
  await stack.stop().catch((error: unknown) => log(`error while stopping: ${(error as Error).message}`));
  log('stopped.');
  return 0;
}

/** Parses the command line, serves until Ctrl-C, and exits with the outcome's code. */
export function runService<Options extends ServiceOptions>(command: ServiceCommand<Options>): void {
  // Supported Node versions are the project's call (package.json engines), not the SDK's.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const outcome = (async () => {
    let options: Options | 'help';
    try {
      options = command.parse(process.argv.slice(2));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      log(`error: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (options === 'help') {
      process.stdout.write(command.usage);
      return 0;
    }
    return serve(command, options);
  })();
  outcome.then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // The stack file stays: it names the DynamoDB Local this run may leave behind (it runs in a
      // process group of its own), which the next start stops.
      process.exit(1);
    },
  );
}
