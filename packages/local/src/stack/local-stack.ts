import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  activitiesQueue,
  activitiesTable,
  apiEnvironmentKeys,
  authorizerFunction,
  dataSources,
  pipelineFunctions,
  rebuildSchedule,
  rebuilderFunction,
  resolverBundleName,
  resolvers,
  scoresTable,
  serviceConfig,
  tables,
  workerFunction,
} from '@leaderboard/core';
import {
  startDashboardServer,
  writeDashboardConfig,
  type DashboardServer,
} from '@leaderboard/dashboard/server';
import { createDataSources, createResolverEngine, type ResolverEngine } from '../appsync/index.ts';
import {
  DynamoDbLocalStartError,
  localCredentials,
  localRegion,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../aws/dynamodb-local.ts';
import { ensureQueue, type LocalQueuePair } from '../aws/queues.ts';
import { SqsEmulatorStartError, startSqsEmulator, type SqsEmulator } from '../aws/sqs-emulator.ts';
import { ensureTable } from '../aws/tables.ts';
import { SqsEventSourceMapping, type SqsHandler } from '../emulators/event-source-mapping.ts';
import { invokeHandler, type LambdaFunctionIdentity } from '../emulators/lambda-context.ts';
import { everyInterval, parseScheduleExpression } from '../emulators/schedule-expression.ts';
import { LocalScheduler, type ScheduledEvent } from '../emulators/scheduler.ts';
import { StreamPipe } from '../emulators/stream-pipe.ts';
import { startLocalIssuer, type LocalIssuer, type MintTokenRequest } from '../issuer/index.ts';
import { startLocalApi, type LocalApi, type LogEntry } from '../server/index.ts';
import { LocalStackStartError } from './errors.ts';
import { applyFunctionEnvironment } from './function-environment.ts';
import { startHttpsPublishRelay } from './https-publish-relay.ts';
import { repeatQuietLog } from './repeat-quiet-log.ts';
import { defaultPaths } from './paths.ts';
import { startTokenService, type TokenService } from './token-service.ts';

export interface LocalStackOptions {
  /** Keep DynamoDB data on disk (under `dataDir`) instead of in memory. */
  readonly persist?: boolean;
  /** Where persisted data lives; `.local/dynamodb` by default. */
  readonly dataDir?: string;
  /** GraphQL port on 127.0.0.1; a free one when absent. */
  readonly port?: number;
  /** Run the rebuilder this often instead of on `rebuildSchedule.expression`. */
  readonly rebuildIntervalMs?: number;
  /** Log each operation, resolver timing, pipe delivery, worker batch and rebuild. */
  readonly verbose?: boolean;
  /** Serve HTTPS and WSS with a self-signed certificate. */
  readonly https?: boolean;
  /** Use this DynamoDB Local (tables are created if missing) instead of starting one; it is left running. */
  readonly dynamoEndpoint?: string;
  /** Overrides the queue's visibility timeout, so failed messages come back sooner (tests). */
  readonly queueVisibilityTimeoutSeconds?: number;
  /** Where the pipe starts in the stream: from its start (default) or from now (a shared database). */
  readonly streamStartingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Wraps the worker handler, e.g. to fail chosen records on purpose in a fault test. */
  readonly wrapWorker?: (worker: SqsHandler) => SqsHandler;
  /** Human-readable log lines; stderr by default. */
  readonly log?: (line: string) => void;
  readonly bundlesDir?: string;
  readonly schemaFile?: string;
  /**
   * A built dashboard (`buildDashboard` from `@leaderboard/dashboard/build`) to serve on its own
   * loopback port; its config.json is written from this stack.
   */
  readonly dashboardDir?: string;
  /** The dashboard's loopback port; 0 (the default) picks a free one. */
  readonly dashboardPort?: number;
}

export interface LocalStack {
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  readonly apiKey: string;
  readonly apiKeyExpiresAt: Date;
  readonly issuerUrl: string;
  readonly tokenService: { readonly url: string; readonly secret: string };
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  readonly queues: LocalQueuePair;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The Java process of DynamoDB Local, when this stack started it. */
  readonly dynamoPid: number | undefined;
  /** The self-signed certificate's PEM with `https`. */
  readonly certificate: string | undefined;
  readonly pipe: StreamPipe;
  /** The worker's event source mapping: stop and start it to play an outage. */
  readonly worker: SqsEventSourceMapping;
  readonly rebuilder: LocalScheduler;
  /** The dashboard page, when `dashboardDir` was given. */
  readonly dashboardUrl: string | undefined;
  /** Active real-time subscriptions. */
  subscriptionCount(): number;
  mintToken(request: MintTokenRequest): Promise<string>;
  /** Stops everything this stack started, DynamoDB Local's Java process included. */
  stop(): Promise<void>;
}

const apiKeyLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** An AppSync-shaped API key: `da2-` and 26 lowercase letters and digits. */
function newApiKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `da2-${[...randomBytes(26)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/** Undoes what start-up did so far, newest first, whatever fails. */
class Teardown {
  private readonly steps: Array<{ name: string; run: () => Promise<void> | void }> = [];
  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }
  async run(
    onError: (name: string, error: unknown) => void,
    onStopped?: (name: string, ms: number) => void,
  ): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      const started = performance.now();
      try {
        await step.run();
        onStopped?.(step.name, performance.now() - started);
      } catch (error) {
        onError(step.name, error);
      }
    }
  }
}

function checkBundles(bundlesDir: string): void {
  const missing = resolvers
    .map((resolver) => join(bundlesDir, `${resolverBundleName(resolver)}.js`))
    .concat(pipelineFunctions.map((fn) => join(bundlesDir, 'functions', `${fn.name}.js`)))
    .filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new LocalStackStartError(
      `resolver bundles are missing (${missing.length}, e.g. ${missing[0]}): run \`pnpm build:resolvers\` first (\`pnpm start\` does it for you)`,
    );
  }
}

/**
 * Promise.all that waits for every start to settle before failing: a server still starting
 * when another fails registers its teardown step first, so the teardown stops it too.
 */
async function allStarted<T extends readonly unknown[]>(starts: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const failure = (await Promise.allSettled(starts)).find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return Promise.all(starts) as Promise<T>;
}

function functionIdentity(
  spec: { name: string; timeoutSeconds: number; memoryMb: number },
  accountId: string,
): LambdaFunctionIdentity {
  return {
    name: spec.name,
    timeoutSeconds: spec.timeoutSeconds,
    memoryMb: spec.memoryMb,
    region: localRegion,
    accountId,
  };
}

function describeStartError(error: unknown, port: number | undefined): Error {
  if (error instanceof LocalStackStartError) return error;
  if (error instanceof DynamoDbLocalStartError || error instanceof SqsEmulatorStartError) {
    return new LocalStackStartError(error.message, { cause: error });
  }
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new LocalStackStartError(
      `port ${port ?? '?'} is already in use: stop what uses it or choose another with --port`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const verbose = options.verbose ?? false;
  const bundlesDir = options.bundlesDir ?? defaultPaths.resolverBundles;
  const teardown = new Teardown();
  const logTeardownError = (name: string, error: unknown) =>
    log(`stopping ${name} failed: ${(error as Error).message}`);
  try {
    checkBundles(bundlesDir);
    const schemaSdl = readFileSync(options.schemaFile ?? defaultPaths.schema, 'utf8');

    // The three servers do not depend on one another: start them together.
    const [dynamo, sqsEmulator, issuer] = await allStarted([
      options.dynamoEndpoint
        ? Promise.resolve(undefined)
        : startDynamoDbLocal(
            options.persist ? { dataDir: options.dataDir ?? defaultPaths.dynamoDbData } : {},
          ).then((started: DynamoDbLocal) => (teardown.add('DynamoDB Local', () => started.stop()), started)),
      startSqsEmulator().then(
        (started: SqsEmulator) => (teardown.add('SQS emulator', () => started.stop()), started),
      ),
      startLocalIssuer().then(
        (started: LocalIssuer) => (teardown.add('issuer', () => started.close()), started),
      ),
    ]);
    const dynamoEndpoint = options.dynamoEndpoint ?? dynamo?.endpoint ?? '';
    const clientConfig = { region: localRegion, credentials: localCredentials };
    const dynamoClient = new DynamoDBClient({ ...clientConfig, endpoint: dynamoEndpoint });
    const streamsClient = new DynamoDBStreamsClient({ ...clientConfig, endpoint: dynamoEndpoint });
    const sqs = new SQSClient({ ...clientConfig, endpoint: sqsEmulator.endpoint });
    teardown.add('AWS clients', () => {
      dynamoClient.destroy();
      streamsClient.destroy();
      sqs.destroy();
    });

    const [queues] = await Promise.all([
      ensureQueue(sqs, activitiesQueue, { visibilityTimeoutSeconds: options.queueVisibilityTimeoutSeconds }),
      ...tables.map((table) => ensureTable(dynamoClient, table, table.name)),
    ]);
    const tokenService: TokenService = await startTokenService(issuer);
    teardown.add('token service', () => tokenService.close());

    const engine: ResolverEngine = createResolverEngine({
      bundlesDir,
      resolvers,
      pipelineFunctions,
      dataSources: createDataSources(dataSources, { client: dynamoClient }),
      env: {
        [apiEnvironmentKeys.activitiesTable]: activitiesTable.name,
        [apiEnvironmentKeys.scoresTable]: scoresTable.name,
      },
      ...(verbose ? { log: (entry: object) => log(`[resolver] ${JSON.stringify(entry)}`) } : {}),
    });

    const apiKey = newApiKey();
    const apiKeyExpiresAt = new Date(Date.now() + apiKeyLifetimeMs);
    const accountId = sqsEmulator.accountId;
    const audience = issuer.audience;
    const environment = applyFunctionEnvironment({
      region: localRegion,
      credentials: localCredentials,
      dynamoEndpoint,
      sqsEndpoint: sqsEmulator.endpoint,
      resources: {
        [activitiesTable.name]: { name: activitiesTable.name },
        [scoresTable.name]: { name: scoresTable.name },
        [activitiesQueue.name]: { url: queues.queue.url },
      },
      jwt: { issuer: issuer.issuer, audience, jwksUri: issuer.jwksUri },
      verbose,
    });
    teardown.add('environment', () => environment.restore());

    // Imported after the environment is set: the handlers read it when first called.
    const [{ handler: worker }, { handler: rebuilder }, { handler: authorizer }] = await Promise.all([
      import('@leaderboard/functions/worker'),
      import('@leaderboard/functions/rebuilder'),
      import('@leaderboard/functions/authorizer'),
    ]);

    const api: LocalApi = await startLocalApi({
      port: options.port ?? 0,
      schemaSdl,
      engine,
      https: options.https ?? false,
      verbose,
      log: (entry: LogEntry) => {
        if (entry.level === 'error' || verbose) log(`[api] ${formatEntry(entry)}`);
      },
      auth: {
        defaultMode: 'AWS_LAMBDA',
        additionalModes: ['API_KEY', 'AWS_IAM'],
        apiKeys: [{ key: apiKey, expiresAt: apiKeyExpiresAt }],
        lambdaAuthorizer: (event) =>
          invokeHandler(authorizer, event as never, functionIdentity(authorizerFunction, accountId)),
        lambdaAuthorizerTtlSeconds: serviceConfig.authorizerTtlSeconds,
        iam: {
          region: localRegion,
          accountId,
          credentials: [{ ...localCredentials, userName: rebuilderFunction.name }],
        },
      },
    });
    teardown.add('GraphQL API', () => api.close());
    let publishUrl = api.url;
    if (api.certificate) {
      const relay = await startHttpsPublishRelay(api.url, api.certificate);
      teardown.add('HTTPS publish relay', () => relay.close());
      publishUrl = relay.url;
    }
    environment.link('Api', { url: publishUrl });

    let dashboard: DashboardServer | undefined;
    if (options.dashboardDir) {
      writeDashboardConfig(options.dashboardDir, {
        graphqlUrl: api.url,
        realtimeUrl: api.realtimeUrl,
        apiKey,
        region: localRegion,
        programs: [],
      });
      const dashboardPort = options.dashboardPort ?? 0;
      dashboard = await startDashboardServer({ siteDir: options.dashboardDir, port: dashboardPort }).catch(
        (error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
          throw new LocalStackStartError(
            `dashboard port ${dashboardPort} is already in use: stop what uses it or choose another with --dashboard-port`,
            { cause: error },
          );
        },
      );
      teardown.add('dashboard', () => dashboard?.close());
    }

    const table = await dynamoClient.send(new DescribeTableCommand({ TableName: activitiesTable.name }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new LocalStackStartError(`table ${activitiesTable.name} has no stream`);
    const pipe = new StreamPipe({
      streams: streamsClient,
      streamArn,
      sqs,
      queueUrl: queues.queue.url,
      filterPattern: activitiesQueue.source.filterPattern,
      batchSize: activitiesQueue.source.batchSize,
      batchWindowMs: activitiesQueue.source.windowSeconds * 1000,
      startingPosition: options.streamStartingPosition ?? 'TRIM_HORIZON',
      onError: repeatQuietLog(log, '[pipe]'),
      ...(verbose
        ? { onDelivered: (count: number) => log(`[pipe] sent ${count} record(s) to ${activitiesQueue.name}`) }
        : {}),
    });
    await pipe.start();
    teardown.add('pipe', () => pipe.stop());

    const workerHandler: SqsHandler = options.wrapWorker ? options.wrapWorker(worker) : worker;
    const workerMapping = new SqsEventSourceMapping({
      sqs,
      queueUrl: queues.queue.url,
      queueArn: queues.queue.arn,
      handler: workerHandler,
      function: functionIdentity(workerFunction, accountId),
      batchSize: activitiesQueue.batch.size,
      batchWindowMs: activitiesQueue.batch.windowSeconds * 1000,
      reportBatchItemFailures: activitiesQueue.batch.reportBatchItemFailures,
      onError: repeatQuietLog(log, '[worker]'),
      ...(verbose
        ? {
            onBatch: (outcome: { received: number; succeeded: number; failed: number }) =>
              log(
                `[worker] batch of ${outcome.received}: ${outcome.succeeded} done, ${outcome.failed} to retry`,
              ),
          }
        : {}),
    });
    workerMapping.start();
    teardown.add('worker', () => workerMapping.stop());

    const schedule = options.rebuildIntervalMs
      ? everyInterval(options.rebuildIntervalMs)
      : parseScheduleExpression(rebuildSchedule.expression);
    const scheduler = new LocalScheduler({
      name: rebuildSchedule.name,
      schedule,
      region: localRegion,
      accountId,
      target: (event: ScheduledEvent) =>
        invokeHandler(rebuilder, event as never, functionIdentity(rebuilderFunction, accountId)),
      onError: (error) => log(`[rebuilder] ${(error as Error).message}`),
      ...(verbose
        ? {
            onRun: (ms: number) => log(`[rebuilder] ran in ${ms} ms`),
            onSkip: () => log('[rebuilder] previous run still going: tick skipped'),
          }
        : {}),
    });
    scheduler.start();
    teardown.add('rebuilder schedule', () => scheduler.stop());

    let stopped: Promise<void> | undefined;
    return {
      graphqlUrl: api.url,
      realtimeUrl: api.realtimeUrl,
      apiKey,
      apiKeyExpiresAt,
      issuerUrl: issuer.issuer,
      tokenService: { url: tokenService.url, secret: tokenService.secret },
      dynamoEndpoint,
      sqsEndpoint: sqsEmulator.endpoint,
      queues,
      region: localRegion,
      credentials: localCredentials,
      dynamoPid: dynamo?.pid,
      certificate: api.certificate,
      pipe,
      worker: workerMapping,
      rebuilder: scheduler,
      dashboardUrl: dashboard?.url,
      subscriptionCount: () => api.subscriptionCount(),
      mintToken: (request) => issuer.mintToken(request),
      stop: () =>
        (stopped ??= teardown.run(
          logTeardownError,
          verbose ? (name, ms) => log(`stopped ${name} in ${Math.round(ms)} ms`) : undefined,
        )),
    };
  } catch (error) {
    await teardown.run(logTeardownError);
    throw describeStartError(error, options.port);
  }
}

function formatEntry(entry: LogEntry): string {
  const { time: _time, level, event, ...fields } = entry;
  const details = Object.entries(fields)
    .filter(([key]) => key !== 'stack')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${level === 'error' ? 'ERROR ' : ''}${event}${details ? ` ${details}` : ''}`;
}
