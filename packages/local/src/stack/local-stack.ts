/**
 * The leaderboard's whole stack on one machine, wired from the same definitions as the cloud
 * (`@leaderboard/core`): tables and queues, each function in processes of its own with only
 * its links, each role's calls checked against its grants by the IAM gateway, the API with
 * its data sources signed by their roles, and the pipe, event source mapping and schedule
 * that AWS provides. Start-up is a sequence of named steps; each registers its own teardown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  activitiesTable,
  pipelineFunctions,
  resolverBundleName,
  resolvers,
  scoresTable,
  type ArnContext,
} from '@leaderboard/core';
import { startDashboardServer, writeDashboardConfig } from '@leaderboard/dashboard/server';
import { DynamoDbLocalStartError, localCredentials, localRegion } from '../aws/dynamodb-local.ts';
import type { LocalQueuePair } from '../aws/queues.ts';
import { SqsEmulatorStartError } from '../aws/sqs-emulator.ts';
import { startIamGateway, type IamGateway } from '../iam/gateway.ts';
import type { LocalIssuer } from 'appsync-local/issuer';
import { startApi, type StartedApi } from './api.ts';
import type { LocalStack, LocalStackOptions } from './options.ts';
import { LocalStackStartError } from './errors.ts';
import { startEventFlow, type EventFlow } from './event-flow.ts';
import { startFunctions, type LocalFunctions } from './functions.ts';
import { servedCertificate, type ServedCertificate } from './https-certificate.ts';
import { readKeptState, writeKeptState, type KeptState } from './kept-state.ts';
import { reloadHandlers } from './live-reload.ts';
import { defaultPaths, localStateDirectory, repositoryRoot, stateFiles } from './paths.ts';
import { gatewayPrincipals, stackIdentities, type StackIdentities } from './roles.ts';
import { Teardown } from './teardown.ts';
import { createResources, startEmulators, type Emulators } from './emulators.ts';
import { startTokenService, type TokenService } from './token-service.ts';

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
  issuer: LocalIssuer,
  certificate: ServedCertificate | undefined,
  teardown: Teardown,
): Promise<string | undefined> {
  if (!options.dashboardDir) return undefined;
  writeDashboardConfig(options.dashboardDir, {
    graphqlUrl: api.url,
    realtimeUrl: api.realtimeUrl,
    apiKey: api.apiKey,
    region: localRegion,
    // The employee page signs in with the issuer's code flow; its client id is the tokens' audience.
    signIn: { issuer: issuer.issuer, clientId: issuer.audience },
  });
  const port = options.dashboardPort ?? 0;
  const tls = certificate ? { key: certificate.key, cert: certificate.cert } : undefined;
  const dashboard = await startDashboardServer({ siteDir: options.dashboardDir, port, tls }).catch(
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

/** Each role's calls go through the IAM gateway, held to that role's grants. */
async function startAccessControl(
  emulators: Emulators,
  arns: ArnContext,
  identities: StackIdentities,
  context: { options: LocalStackOptions; log: (line: string) => void; teardown: Teardown },
): Promise<IamGateway> {
  const gateway = await startIamGateway({
    principals: gatewayPrincipals(identities),
    targets: { dynamodb: emulators.dynamoEndpoint, sqs: emulators.sqs.endpoint },
    region: arns.region,
    accountId: arns.accountId,
    onInternalError: (error) => context.log(`[iam] ${error.message}`),
    ...context.options.observe?.aws,
  });
  return context.teardown.track('IAM gateway', gateway, (it) => it.close());
}

/** What the functions get besides their spec: the local issuer, and a shorter schedule when asked. */
function functionSettings(
  options: LocalStackOptions,
  issuer: LocalIssuer,
): Record<string, Record<string, string>> {
  const periodSeconds = options.rebuildIntervalMs ? String(options.rebuildIntervalMs / 1000) : undefined;
  return {
    // A shorter schedule than the cloud's (tests): one tick per invocation, at that period.
    ...(periodSeconds
      ? { RebuilderFunction: { REBUILD_PERIOD_SECONDS: periodSeconds, REBUILD_TICK_SECONDS: periodSeconds } }
      : {}),
    Authorizer: { JWT_ISSUER: issuer.issuer, JWT_AUDIENCE: issuer.audience, JWT_JWKS_URI: issuer.jwksUri },
  };
}

/**
 * With `persist`, what clients hold on to is kept for the next start: the API key, the
 * issuer's key and port, the certificate.
 */
function keepForRestart(
  options: LocalStackOptions,
  started: { emulators: Emulators; api: StartedApi; certificate: ServedCertificate | undefined },
  kept: KeptState,
): void {
  if (!options.persist) return;
  const { issuer } = started.emulators;
  const certificate = started.certificate ?? kept.certificate;
  writeKeptState(stateFiles(options.stateDir ?? localStateDirectory).keptState, {
    apiKey: started.api.apiKey,
    issuer: { port: Number(new URL(issuer.issuer).port), signingKey: issuer.signingKey },
    ...(certificate ? { certificate: { key: certificate.key, cert: certificate.cert } } : {}),
  });
}

interface StartedParts {
  readonly emulators: Emulators;
  readonly queues: LocalQueuePair;
  readonly identities: StackIdentities;
  readonly gateway: IamGateway;
  readonly tokenService: TokenService;
  readonly api: StartedApi;
  readonly flow: EventFlow;
  readonly functions: LocalFunctions;
  readonly dashboardUrl: string | undefined;
  readonly certificate: ServedCertificate | undefined;
  readonly inspecting: boolean;
}

function describeStack(parts: StartedParts, stopAll: () => Promise<void>): LocalStack {
  const { emulators, api, tokenService } = parts;
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
    awsEndpoint: parts.gateway.endpoint,
    queues: parts.queues,
    region: localRegion,
    credentials: localCredentials,
    identities: parts.identities,
    dynamoPid: emulators.dynamoPid,
    certificate: api.certificate,
    certificateFile: parts.certificate?.file,
    ...parts.flow,
    functions: parts.functions,
    dashboardUrl: parts.dashboardUrl,
    subscriptionCount: () => api.subscriptionCount(),
    mintToken: (request) => emulators.issuer.mintToken(request),
    reloadResolvers: () => api.reloadResolvers(),
    reloadHandlers: (names) =>
      reloadHandlers(parts.functions, parts.flow.rebuilder, {
        warm: parts.inspecting,
        ...(names ? { names } : {}),
      }),
    stop: () => (stopped ??= stopAll()),
  };
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
    const files = stateFiles(options.stateDir ?? localStateDirectory);
    const kept = options.persist ? readKeptState(files.keptState) : {};
    const emulators = await startEmulators(options, kept, { log, teardown });
    const certificateFile = options.stateDir === undefined ? undefined : files.certificate;
    const certificate = options.https
      ? await servedCertificate(certificateFile, kept.certificate)
      : undefined;
    const { queues, arns, localStreamArn } = await createResources(emulators, options, teardown, localApiId);
    const identities = stackIdentities(arns);
    const gateway = await startAccessControl(emulators, arns, identities, { options, log, teardown });
    const tokenService = await startTokenService(emulators.issuer);
    teardown.track('token service', tokenService, (it) => it.close());

    // The API must listen before the functions exist (they link its URL); its authorizer is called later.
    const late: { functions?: LocalFunctions } = {};
    const api = await startApi(
      {
        port: options.port ?? 0,
        https: certificate ? { key: certificate.key, cert: certificate.cert } : false,
        ...(kept.apiKey ? { apiKey: kept.apiKey } : {}),
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
        invokeFunction: (name, event) => {
          const fn = late.functions?.[name as keyof LocalFunctions];
          if (!fn) throw new LocalStackStartError(`function ${name} is not started yet`);
          return fn.invoke(event);
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
      settings: functionSettings(options, emulators.issuer),
      identities: identities.functions,
      ...(options.inspectPort === undefined ? {} : { inspectPort: options.inspectPort }),
      verbose,
      log,
    });
    late.functions = functions;
    if (options.inspectPort !== undefined) for (const fn of Object.values(functions)) fn.warm();
    teardown.add('functions', () =>
      Promise.all(Object.values(functions).map((fn) => fn.stop())).then(() => {}),
    );
    const dashboardUrl = await startDashboard(options, api, emulators.issuer, certificate, teardown);
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

    keepForRestart(options, { emulators, api, certificate }, kept);
    const inspecting = options.inspectPort !== undefined;
    return describeStack(
      {
        ...{ emulators, queues, identities, gateway, tokenService, api, flow, functions, dashboardUrl },
        ...{ certificate, inspecting },
      },
      () =>
        teardown.run(
          logTeardownError,
          verbose ? (name, ms) => log(`stopped ${name} in ${Math.round(ms)} ms`) : undefined,
        ),
    );
  } catch (error) {
    await teardown.run(logTeardownError);
    throw describeStartError(error, options.port);
  }
}

export type { LocalStack, LocalStackOptions } from './options.ts';
