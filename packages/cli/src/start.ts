/**
 * `pnpm start`: the whole service on this machine. Prints where everything is, writes
 * `.local/stack.json` for the other commands, and stops everything it started on Ctrl-C.
 */
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildCadence, rebuildSchedule } from '@leaderboard/core';
import { buildDashboard, DashboardBuildError } from '@leaderboard/dashboard/build';
import { LocalStackStartError } from '@leaderboard/local/stack/errors';
import { startLocalStack, type LocalStack } from '@leaderboard/local/stack/local-stack';
import {
  defaultPaths,
  localStateDirectory,
  repositoryRoot,
  stackFilePath,
} from '@leaderboard/local/stack/paths';
import {
  isDynamoDbLocalProcess,
  isProcessAlive,
  readStackFile,
  removeStackFile,
  stackFileFor,
  StackFileError,
  writeStackFile,
} from '@leaderboard/local/stack/stack-file';
import { durationArgument } from './command-line.ts';
import { UsageError } from './errors.ts';

const usage = `Usage: pnpm start [options]

Runs the whole leaderboard service locally: GraphQL API and real-time endpoint, DynamoDB
Local, the SQS emulator, the stream pipe, the worker and the scheduled rebuilder.

Options:
  --port <n>            GraphQL port on 127.0.0.1 (default 4000; 0 picks a free one)
  --dashboard-port <n>  dashboard port on 127.0.0.1 (default: the GraphQL port + 1, or free with --port 0)
  --persist             keep data on disk under .local/dynamodb (default: in memory)
  --rebuild-every <d>   run the rebuilder every <d> (e.g. 2s) instead of ${rebuildSchedule.expression} with ${rebuildCadence.tickSeconds} s ticks
  --verbose             log each operation, resolver, pipe delivery, worker batch and rebuild
  --https               serve HTTPS and WSS with a self-signed certificate
  -h, --help            show this help
`;

interface StartOptions {
  port: number;
  dashboardPort: number;
  persist: boolean;
  rebuildIntervalMs: number | undefined;
  verbose: boolean;
  https: boolean;
}

function parseOptions(argv: readonly string[]): StartOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'dashboard-port': { type: 'string' },
        persist: { type: 'boolean', default: false },
        'rebuild-every': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        https: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const port = portOption('port', values.port, 4000);
  // Next to the API by default, so the page keeps its address from one run to the next.
  const dashboardPort = portOption('dashboard-port', values['dashboard-port'], port === 0 ? 0 : port + 1);
  if (port !== 0 && dashboardPort === port) throw new UsageError('--dashboard-port must differ from --port');
  return {
    port,
    dashboardPort,
    persist: values.persist,
    rebuildIntervalMs:
      values['rebuild-every'] === undefined ? undefined : durationArgument(values['rebuild-every']),
    verbose: values.verbose,
    https: values.https,
  };
}

function portOption(name: string, text: string | undefined, fallback: number): number {
  const port = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--${name} must be 0-65535, got "${text}"`);
  }
  return port;
}

/** Refuses a second stack; cleans up after one that died without stopping its Java process. */
function checkPreviousRun(log: (line: string) => void): void {
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

function banner(stack: LocalStack, options: StartOptions, readyMs: number): string {
  const scheme = options.https ? 'https' : 'http';
  const rebuild = options.rebuildIntervalMs
    ? `every ${options.rebuildIntervalMs} ms (local override)`
    : `${rebuildSchedule.expression}, ticking every ${rebuildCadence.tickSeconds} s inside (as in the cloud)`;
  const storage = options.persist
    ? `on disk in ${relative(repositoryRoot, defaultPaths.dynamoDbData)}/`
    : 'in memory';
  return [
    '',
    `Leaderboard is running locally (ready in ${(readyMs / 1000).toFixed(1)} s)`,
    '',
    `  GraphQL      ${stack.graphqlUrl}`,
    `  Real-time    ${stack.realtimeUrl}`,
    `  API key      ${stack.apiKey}   (x-api-key: public leaderboard reads and subscriptions)`,
    `  Issuer       ${stack.issuerUrl}   (OIDC, JWKS at /.well-known/jwks.json)`,
    `  DynamoDB     ${stack.dynamoEndpoint}   (${storage})`,
    `  SQS          ${stack.sqsEndpoint}   (${stack.queues.queue.name}, DLQ ${stack.queues.deadLetter.name})`,
    `  Rebuilder    ${rebuild}`,
    ...(stack.dashboardUrl ? [`  Dashboard    ${stack.dashboardUrl}   (live leaderboard for screens)`] : []),
    ...(options.https ? [`  Certificate  self-signed; trust it in your client for ${scheme}/wss`] : []),
    '',
    '  User token:    pnpm token --user alice       (send it as the Authorization header)',
    '  Simulate:      pnpm simulate --users 20 --duration 30s',
    '  Dead letters:  pnpm dlq list',
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  // Supported Node versions are the project's call (package.json engines), not the SDK's.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let options: StartOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      log(`error: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return 0;
  }

  // Signals are caught from the start: a Ctrl-C during start-up still stops what was started.
  let stack: LocalStack;
  let signalled: string | undefined;
  let wake: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => (wake = resolve));
  const onSignal = (signal: string) => {
    if (signalled) {
      log(`${signal} again: still stopping, please wait`);
      return;
    }
    signalled = signal;
    log(`\n${signal}: stopping...`);
    wake();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => onSignal(signal));

  const startedAt = performance.now();
  try {
    checkPreviousRun(log);
    // Built on each start, like the resolver bundles, so the page always matches the source.
    const dashboard = await buildDashboard({ outDir: join(localStateDirectory, 'dashboard') });
    log('starting DynamoDB Local, the SQS emulator, the API, the pipe, the worker and the rebuilder...');
    stack = await startLocalStack({
      dashboardDir: dashboard.outDir,
      dashboardPort: options.dashboardPort,
      port: options.port,
      persist: options.persist,
      rebuildIntervalMs: options.rebuildIntervalMs,
      verbose: options.verbose,
      https: options.https,
      log,
    });
  } catch (error) {
    if (
      error instanceof LocalStackStartError ||
      error instanceof StackFileError ||
      error instanceof DashboardBuildError
    ) {
      log(`error: ${error.message}`);
      return signalled ? 0 : 1;
    }
    throw error;
  }
  if (!signalled) {
    writeStackFile(stackFilePath(), stackFileFor(stack));
    process.stdout.write(banner(stack, options, performance.now() - startedAt));
  }
  await stopRequested;
  removeStackFile(stackFilePath());
  await stack.stop().catch((error: unknown) => log(`error while stopping: ${(error as Error).message}`));
  log('stopped.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    removeStackFile(stackFilePath());
    process.exit(1);
  },
);
