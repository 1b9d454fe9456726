/**
 * The leaderboard's whole stack on one machine, wired from the same definitions as the cloud
 * (`@leaderboard/core`): tables and queues, each function in processes of its own with only
 * its links, each role's calls checked against its grants by the IAM gateway, the API with
 * its data sources signed by their roles, and the pipe, event source mapping and schedule
 * that AWS provides. Start-up is a sequence of named steps; each registers its own teardown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  activitiesQueue,
  activitiesTable,
  pipelineFunctions,
  resolverBundleName,
  resolvers,
  scoresTable,
  tables,
  type ArnContext,
} from '@leaderboard/core';
import { startDashboardServer, writeDashboardConfig } from '@leaderboard/dashboard/server';
import {
  DynamoDbLocalStartError,
  localCredentials,
  localRegion,
  startDynamoDbLocal,
} from '../aws/dynamodb-local.ts';
import { ensureQueue, type LocalQueuePair } from '../aws/queues.ts';
import { SqsEmulatorStartError, startSqsEmulator, type SqsEmulator } from '../aws/sqs-emulator.ts';
import { ensureTable } from '../aws/tables.ts';
import type { SqsHandler } from '../emulators/event-source-mapping.ts';
import { startIamGateway, type IamGatewayOptions } from '../iam/gateway.ts';
import type { ApiUsage } from 'appsync-local';
import { startLocalIssuer, type LocalIssuer, type MintTokenRequest } from 'appsync-local/issuer';
import { startApi, type StartedApi } from './api.ts';
import { LocalStackStartError } from './errors.ts';
import { startEventFlow, type EventFlow } from './event-flow.ts';
import { startFunctions, type LocalFunctions } from './functions.ts';
import { defaultPaths, repositoryRoot } from './paths.ts';
import { gatewayPrincipals, stackIdentities, type StackIdentities } from './roles.ts';
import { allStarted, Teardown } from './teardown.ts';
import { startTokenService } from './token-service.ts';

export interface LocalStackOptions {
  /** Keep DynamoDB data on disk (under `dataDir`) instead of in memory. */
  readonly persist?: boolean;
  /** Where persisted data lives; `.local/dynamodb` by default. */
  readonly dataDir?: string;
  /** GraphQL port on 127.0.0.1; a free one when absent. */
  readonly port?: number;
  /** Run the rebuilder this often, one tick each, instead of the cloud's schedule and cadence. */
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
  /** Observers of what the stack uses, e.g. to count it for cost: every AWS call, every billed API unit. */
  readonly observe?: {
    readonly aws?: Pick<IamGatewayOptions, 'onExchange' | 'measureCapacity'>;
    readonly api?: (usage: ApiUsage) => void;
  };
}

export interface LocalStack {
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  readonly apiKey: string;
  readonly apiKeyExpiresAt: Date;
  readonly issuerUrl: string;
  readonly tokenService: { readonly url: string; readonly secret: string };
  /** The emulators themselves, for operators' tools and tests (no role, no IAM check). */
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  /** Where the stack's roles send their AWS calls: the IAM gateway. */
  readonly awsEndpoint: string;
  readonly queues: LocalQueuePair;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The roles' local identities (credentials and policies). */
  readonly identities: StackIdentities;
  /** The Java process of DynamoDB Local, when this stack started it. */
  readonly dynamoPid: number | undefined;
  /** The self-signed certificate's PEM with `https`. */
  readonly certificate: string | undefined;
  readonly pipe: EventFlow['pipe'];
  /** The worker's event source mapping: stop and start it to play an outage. */
  readonly worker: EventFlow['worker'];
  readonly rebuilder: EventFlow['rebuilder'];
  readonly functions: LocalFunctions;
  /** The dashboard page, when `dashboardDir` was given. */
  readonly dashboardUrl: string | undefined;
  /** Active real-time subscriptions. */
  subscriptionCount(): number;
  mintToken(request: MintTokenRequest): Promise<string>;
  /** Stops everything this stack started, DynamoDB Local's Java process included. */
  stop(): Promise<void>;
}

/** The local API's id: field ARNs in the roles' policies name it. */
const localApiId = 'local';
const localApp = { name: 'leaderboard', stage: 'local' } as const;

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

interface Emulators {
  readonly dynamoEndpoint: string;
  readonly dynamoPid: number | undefined;
  readonly sqs: SqsEmulator;
  readonly issuer: LocalIssuer;
}

/** DynamoDB Local, the SQS emulator and the OIDC issuer do not depend on one another: started together. */
async function startEmulators(options: LocalStackOptions, teardown: Teardown): Promise<Emulators> {
  const [dynamo, sqs, issuer] = await allStarted([
    options.dynamoEndpoint
      ? Promise.resolve(undefined)
      : startDynamoDbLocal(
          options.persist ? { dataDir: options.dataDir ?? defaultPaths.dynamoDbData } : {},
        ).then((started) => teardown.track('DynamoDB Local', started, (it) => it.stop())),
    startSqsEmulator().then((started) => teardown.track('SQS emulator', started, (it) => it.stop())),
    startLocalIssuer().then((started) => teardown.track('issuer', started, (it) => it.close())),
  ]);
  return {
    dynamoEndpoint: options.dynamoEndpoint ?? dynamo?.endpoint ?? '',
    dynamoPid: dynamo?.pid,
    sqs,
    issuer,
  };
}

interface AwsResources {
  readonly queues: LocalQueuePair;
  readonly arns: ArnContext;
  /** As DynamoDB Local names it (its own region and account): what its Streams API accepts. */
  readonly localStreamArn: string;
}

/** Tables and queues from their specs, created with the emulators' own (unrestricted) credentials. */
async function createResources(
  emulators: Emulators,
  options: LocalStackOptions,
  teardown: Teardown,
): Promise<AwsResources> {
  const config = { region: localRegion, credentials: localCredentials };
  const dynamo = new DynamoDBClient({ ...config, endpoint: emulators.dynamoEndpoint });
  const sqs = new SQSClient({ ...config, endpoint: emulators.sqs.endpoint });
  teardown.add('setup clients', () => (dynamo.destroy(), sqs.destroy()));
  const [queues] = await Promise.all([
    ensureQueue(sqs, activitiesQueue, { visibilityTimeoutSeconds: options.queueVisibilityTimeoutSeconds }),
    ...tables.map((table) => ensureTable(dynamo, table, table.name)),
  ]);
  const described = await dynamo.send(new DescribeTableCommand({ TableName: activitiesTable.name }));
  const localStreamArn = described.Table?.LatestStreamArn;
  if (!localStreamArn) throw new LocalStackStartError(`table ${activitiesTable.name} has no stream`);
  const accountId = emulators.sqs.accountId;
  const streamLabel = localStreamArn.slice(localStreamArn.lastIndexOf('/stream/') + '/stream/'.length);
  return {
    queues,
    localStreamArn,
    arns: {
      region: localRegion,
      accountId,
      apiId: localApiId,
      // DynamoDB Local names its own region and account in stream ARNs; policies name the stack's.
      streamArn: (table) =>
        `arn:aws:dynamodb:${localRegion}:${accountId}:table/${table}/stream/${streamLabel}`,
    },
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

async function startDashboard(
  options: LocalStackOptions,
  api: StartedApi,
  teardown: Teardown,
): Promise<string | undefined> {
  if (!options.dashboardDir) return undefined;
  writeDashboardConfig(options.dashboardDir, {
    graphqlUrl: api.url,
    realtimeUrl: api.realtimeUrl,
    apiKey: api.apiKey,
    region: localRegion,
    programs: [],
  });
  const port = options.dashboardPort ?? 0;
  const dashboard = await startDashboardServer({ siteDir: options.dashboardDir, port }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new LocalStackStartError(
        `dashboard port ${port} is already in use: stop what uses it or choose another with --dashboard-port`,
        { cause: error },
      );
    },
  );
  teardown.track('dashboard', dashboard, (it) => it.close());
  return dashboard.url;
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
    const emulators = await startEmulators(options, teardown);
    const { queues, arns, localStreamArn } = await createResources(emulators, options, teardown);
    const identities = stackIdentities(arns);
    const gateway = await startIamGateway({
      principals: gatewayPrincipals(identities),
      targets: { dynamodb: emulators.dynamoEndpoint, sqs: emulators.sqs.endpoint },
      region: arns.region,
      accountId: arns.accountId,
      onInternalError: (error) => log(`[iam] ${error.message}`),
      ...options.observe?.aws,
    });
    teardown.track('IAM gateway', gateway, (it) => it.close());
    const tokenService = await startTokenService(emulators.issuer);
    teardown.track('token service', tokenService, (it) => it.close());

    // The API must listen before the functions exist (they link its URL); its authorizer is called later.
    const late: { functions?: LocalFunctions } = {};
    const api = await startApi(
      {
        port: options.port ?? 0,
        https: options.https ?? false,
        apiId: localApiId,
        schemaSdl,
        bundlesDir,
        arns,
        awsEndpoint: gateway.endpoint,
        identities,
        authorizer: (event) => {
          if (!late.functions) throw new LocalStackStartError('the authorizer is not started yet');
          return late.functions.Authorizer.invoke(event);
        },
        verbose,
        log,
        ...(options.observe?.api ? { onUsage: options.observe.api } : {}),
      },
      teardown,
    );
    const functions = startFunctions({
      region: arns.region,
      accountId: arns.accountId,
      root: repositoryRoot,
      awsEndpoint: gateway.endpoint,
      linkProperties: {
        Activities: { name: activitiesTable.name },
        Scores: { name: scoresTable.name },
        Api: { url: api.publishUrl },
      },
      app: localApp,
      settings: {
        // A shorter schedule than the cloud's (tests): one tick per invocation, at that period.
        ...(options.rebuildIntervalMs
          ? {
              RebuilderFunction: {
                REBUILD_PERIOD_SECONDS: String(options.rebuildIntervalMs / 1000),
                REBUILD_TICK_SECONDS: String(options.rebuildIntervalMs / 1000),
              },
            }
          : {}),
        Authorizer: {
          JWT_ISSUER: emulators.issuer.issuer,
          JWT_AUDIENCE: emulators.issuer.audience,
          JWT_JWKS_URI: emulators.issuer.jwksUri,
        },
      },
      identities: identities.functions,
      verbose,
      log,
    });
    late.functions = functions;
    teardown.add('functions', () =>
      Promise.all(Object.values(functions).map((fn) => fn.stop())).then(() => {}),
    );
    const dashboardUrl = await startDashboard(options, api, teardown);
    const flow = await startEventFlow(
      {
        options,
        queues,
        arns,
        localStreamArn,
        awsEndpoint: gateway.endpoint,
        identities,
        functions,
        log,
        verbose,
      },
      teardown,
    );

    let stopped: Promise<void> | undefined;
    return {
      graphqlUrl: api.url,
      realtimeUrl: api.realtimeUrl,
      apiKey: api.apiKey,
      apiKeyExpiresAt: api.apiKeyExpiresAt,
      issuerUrl: emulators.issuer.issuer,
      tokenService: { url: tokenService.url, secret: tokenService.secret },
      dynamoEndpoint: emulators.dynamoEndpoint,
      sqsEndpoint: emulators.sqs.endpoint,
      awsEndpoint: gateway.endpoint,
      queues,
      region: localRegion,
      credentials: localCredentials,
      identities,
      dynamoPid: emulators.dynamoPid,
      certificate: api.certificate,
      ...flow,
      functions,
      dashboardUrl,
      subscriptionCount: () => api.subscriptionCount(),
      mintToken: (request) => emulators.issuer.mintToken(request),
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
