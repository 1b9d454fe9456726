/** The options `pnpm start` and `pnpm dev` share, and the ones only `pnpm dev` takes. */
import { parseArgs } from 'node:util';
import { rebuildCadence, rebuildSchedule } from '@leaderboard/core';
import { durationArgument } from './command-line.ts';
import { UsageError } from './errors.ts';

export interface ServiceOptions {
  readonly port: number;
  readonly dashboardPort: number;
  readonly persist: boolean;
  readonly rebuildIntervalMs: number | undefined;
  readonly verbose: boolean;
  readonly https: boolean;
}

export interface DevOptions extends ServiceOptions {
  /** The first function's inspector port, when debugging. */
  readonly inspectPort: number | undefined;
  /** Resolver sources to bundle and watch; the service's own when absent. */
  readonly resolversDir: string | undefined;
}

const serviceOptionsHelp = `  --port <n>            GraphQL port on 127.0.0.1 (default 4000; 0: the system picks one)
  --dashboard-port <n>  dashboard port on 127.0.0.1 (default: the GraphQL port + 1; with --port 0, picked too)
  --persist             keep data (.local/dynamodb), the API key, the issuer's signing key and the
                        certificate across restarts; in memory and new each start by default
  --rebuild-every <d>   instead of the cloud's ${rebuildSchedule.expression} ticking every ${rebuildCadence.tickSeconds} s, one rebuild every <d> (e.g. 2s)
  --verbose             log each operation, resolver, pipe delivery, worker batch and rebuild
  --https               serve the API (HTTPS, WSS) and the dashboard with a self-signed certificate;
                        its file is printed, and the pnpm commands trust it`;

const helpOptionHelp = '  -h, --help            show this help';

export const startUsage = `Usage: pnpm start [options]

Runs the whole leaderboard service locally: GraphQL API and real-time endpoint, DynamoDB
Local, the SQS emulator, the stream pipe, the worker, the scheduled rebuilder and the dashboard.

Options:
${serviceOptionsHelp}
${helpOptionHelp}
`;

export const devUsage = `Usage: pnpm dev [options]

\`pnpm start\` with live reload: a saved change to a resolver, a pipeline function or a Lambda
handler (or the core code they use) is rebuilt and swapped in within a second or two, without
a restart: DynamoDB Local keeps running and the data stays.

Options:
${serviceOptionsHelp}
  --inspect             start the functions under Node's inspector, one port each from 9229 (printed),
                        one execution environment each, not killed at their timeout while paused
  --inspect-port <n>    the first of those ports (0: the system picks them)
  --resolvers-dir <dir> resolver sources to bundle and watch (default packages/resolvers/src)
${helpOptionHelp}
`;

const serviceArgs = {
  port: { type: 'string' },
  'dashboard-port': { type: 'string' },
  persist: { type: 'boolean', default: false },
  'rebuild-every': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  https: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const devArgs = {
  ...serviceArgs,
  inspect: { type: 'boolean', default: false },
  'inspect-port': { type: 'string' },
  'resolvers-dir': { type: 'string' },
} as const;

function portOption(name: string, text: string | undefined, fallback: number): number {
  const port = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--${name} must be 0-65535, got "${text}"`);
  }
  return port;
}

function strictArgs<Options extends typeof serviceArgs | typeof devArgs>(
  argv: readonly string[],
  options: Options,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function serviceOptionsFrom(values: ReturnType<typeof strictArgs<typeof serviceArgs>>): ServiceOptions {
  const port = portOption('port', values.port, 4000);
  // Next to the API by default, so the page keeps its address from one run to the next.
  const dashboardPort = portOption('dashboard-port', values['dashboard-port'], port === 0 ? 0 : port + 1);
  if (port !== 0 && dashboardPort === port) throw new UsageError('--dashboard-port must differ from --port');
  const rebuildEvery = values['rebuild-every'];
  return {
    port,
    dashboardPort,
    persist: values.persist,
    rebuildIntervalMs: rebuildEvery === undefined ? undefined : durationArgument(rebuildEvery),
    verbose: values.verbose,
    https: values.https,
  };
}

export function parseStartOptions(argv: readonly string[]): ServiceOptions | 'help' {
  const values = strictArgs(argv, serviceArgs);
  return values.help ? 'help' : serviceOptionsFrom(values);
}

export function parseDevOptions(argv: readonly string[]): DevOptions | 'help' {
  const values = strictArgs(argv, devArgs);
  if (values.help) return 'help';
  const inspectPort = values['inspect-port'];
  if (inspectPort !== undefined && !values.inspect) throw new UsageError('--inspect-port needs --inspect');
  return {
    ...serviceOptionsFrom(values),
    inspectPort: values.inspect ? portOption('inspect-port', inspectPort, 9229) : undefined,
    resolversDir: values['resolvers-dir'],
  };
}
