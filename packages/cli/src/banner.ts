/** What `pnpm start` and `pnpm dev` print once the service is up: where everything is, and what to run next. */
import { isAbsolute, relative } from 'node:path';
import { rebuildCadence, rebuildSchedule } from '@leaderboard/core';
import type { LocalStack } from '@leaderboard/local/stack/options';
import { repositoryRoot, stateFiles } from '@leaderboard/local/stack/paths';
import type { ServiceOptions } from './service-options.ts';

/** The commands the banner suggests, exactly as a user types them (tests run them as printed). */
export const suggestedCommands = {
  token: 'pnpm issue-token --user alice',
  simulate: 'pnpm simulate --users 10 --duration 5s',
  deadLetters: 'pnpm dlq list',
} as const;

export interface BannerInputs {
  readonly stack: LocalStack;
  readonly options: ServiceOptions;
  readonly stateDir: string;
  readonly readyMs: number;
  /** Lines `pnpm dev` adds (live reload, debuggers). */
  readonly extra?: readonly string[];
}

/** A path as a user in the repository would type it. */
export function displayPath(path: string): string {
  const fromRoot = relative(repositoryRoot, path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

function rebuilderLine(options: ServiceOptions): string {
  if (options.rebuildIntervalMs) {
    return `every ${options.rebuildIntervalMs} ms, one rebuild each (--rebuild-every; the cloud runs ${rebuildSchedule.expression})`;
  }
  return `${rebuildSchedule.expression}, ticking every ${rebuildCadence.tickSeconds} s inside as in the cloud: boards go live within seconds (--rebuild-every 2s: one rebuild every 2 s instead)`;
}

export function banner({ stack, options, stateDir, readyMs, extra = [] }: BannerInputs): string {
  const storage = options.persist
    ? `on disk in ${displayPath(stateFiles(stateDir).dynamoDbData)}/; API key and signing key kept`
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
    `  Rebuilder    ${rebuilderLine(options)}`,
    ...(stack.dashboardUrl ? [`  Dashboard    ${stack.dashboardUrl}   (live leaderboard for screens)`] : []),
    ...(stack.certificateFile
      ? [
          `  Certificate  ${displayPath(stack.certificateFile)}   (self-signed: the pnpm commands trust it; curl --cacert it;`,
          '               add it to your browser or system trust store for the dashboard)',
        ]
      : []),
    ...extra,
    '',
    `  User token:    ${suggestedCommands.token}       (pnpm -s in $(...); send it as the Authorization header)`,
    `  Simulate:      ${suggestedCommands.simulate}`,
    `  Dead letters:  ${suggestedCommands.deadLetters}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
