/**
 * Runs the SST program (sst.config.ts + infra/) the way `sst deploy` does, with AWS replaced by
 * Pulumi's runtime mocks, and records every resource it declares.
 *
 * What stands in for what:
 * - the SST CLI's esbuild step: `bundleProgram` (same entry, injected globals, shim and
 *   defines as `pkg/project` and `pkg/js` in the sst repository);
 * - the SST CLI's RPC server (`SST_SERVER`): `startCliRpcServer`, answering the two methods
 *   components call during a deploy (`Provider.Aws.Bootstrap`, `Runtime.Build`);
 * - AWS (the Pulumi engine and the AWS provider): `setMocks` on the @pulumi/pulumi copy that
 *   the components load from .sst/platform/node_modules.
 *
 * This leans on SST internals, so sst is pinned; when an upgrade moves them, the errors thrown
 * here say which piece moved.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as PulumiModule from '../../../.sst/platform/node_modules/@pulumi/pulumi/index.js';

export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');
const workDir = join(repositoryRoot, '.sst');
const platformDir = join(workDir, 'platform');

/** A run takes a few seconds; a busy machine running other suites may need many more. */
export const programRunTimeoutMs = 60_000;

export const mockAccount = '123456789012';
export const mockRegion = 'us-east-1';

export class SstInternalsMovedError extends Error {
  override readonly name = 'SstInternalsMovedError';
  constructor(what: string) {
    super(
      `${what}. The offline infra tests mirror internals of sst ${readPinnedSstVersion()}; ` +
        'if sst was upgraded, update infra/test/support/sst-program.ts to match it.',
    );
  }
}

function readPinnedSstVersion(): string {
  try {
    return readFileSync(join(platformDir, 'version'), 'utf8').trim();
  } catch {
    return '(unknown: .sst/platform/version is missing)';
  }
}

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  readonly inputs: Record<string, unknown>;
  /** Inputs plus the outputs the mock made up (arn, url, ...). */
  readonly state: Record<string, unknown>;
  /** The resource options the program registered it with. */
  readonly options: RecordedOptions;
}

export interface RecordedOptions {
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly ignoreChanges: readonly string[];
  readonly replaceOnChanges: readonly string[];
}

export interface RecordedCall {
  readonly token: string;
  readonly inputs: Record<string, unknown>;
}

/** What a component asked the CLI to build (`Runtime.Build`): one entry per function. */
export interface RecordedBuild {
  readonly functionID: string;
  readonly handler: string;
  readonly runtime: string;
  readonly links: Record<string, Record<string, unknown>>;
}

export interface ProgramRun {
  readonly resources: readonly RecordedResource[];
  readonly calls: readonly RecordedCall[];
  readonly builds: readonly RecordedBuild[];
  readonly rpcMethods: readonly string[];
  readonly unansweredRpcMethods: readonly string[];
  readonly outputs: Record<string, unknown>;
  /** `$app` as the program saw it: `app()`'s answer for the stage (providers included). */
  readonly app: Record<string, unknown>;
}

export interface RunOptions {
  /** Environment variables the program sees (e.g. `RESOLVER_BUNDLE_DIR`, `JWT_ISSUER`). */
  readonly env?: Readonly<Record<string, string>>;
  readonly stage?: string;
  /**
   * Settings laid over the stage's own from infra/settings.ts, to run settings no stage in the
   * repository has (an identity provider, SES, self sign-up).
   */
  readonly settings?: Readonly<Record<string, unknown>>;
}

// -------------------------------------------------------------------------------------------
// Bundling, as the CLI does it

function requirePlatformFile(relativePath: string): string {
  const file = join(platformDir, relativePath);
  if (!existsSync(file)) {
    throw new SstInternalsMovedError(
      `${file} does not exist (run \`pnpm sst:install\`, or the SST layout changed)`,
    );
  }
  return file;
}

function readProviderAliases(): { alias: string; package: string }[] {
  const lockFile = join(workDir, 'provider-lock.json');
  if (!existsSync(lockFile))
    throw new SstInternalsMovedError(`${lockFile} is missing (run \`pnpm sst:install\`)`);
  return JSON.parse(readFileSync(lockFile, 'utf8')) as { alias: string; package: string }[];
}

interface AppConfig {
  readonly name: string;
  readonly removal?: string;
  readonly protect?: boolean;
  readonly home: string;
  readonly providers?: Record<string, unknown>;
}

/** `$app`, as the CLI derives it: the config's `app({stage})` with the stage added. */
async function evaluateAppConfig(stage: string): Promise<Record<string, unknown>> {
  const result = await build({
    entryPoints: [join(repositoryRoot, 'sst.config.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    banner: { js: 'const $config = (input) => input;' },
    // Only app() runs here: the infra modules run() imports are left out, the settings app()
    // reads at the top of the file are bundled.
    plugins: [
      {
        name: 'skip-run-imports',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^\.\/infra\// }, (args) =>
            args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
    logLevel: 'silent',
  });
  const source = result.outputFiles[0]?.text ?? '';
  const url = `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
  const config = ((await import(url)) as { default: { app(input: { stage: string }): AppConfig } }).default;
  const app = config.app({ stage });
  return {
    ...app,
    stage,
    removal: app.removal ?? 'retain',
    protect: app.protect ?? false,
    providers: app.providers ?? { [app.home]: {} },
  };
}

const settingsFile = join(repositoryRoot, 'infra', 'settings.ts');

/** infra/settings.ts with `stageSettings` answering `overrides` laid over what it says. */
function withSettingsOverrides(contents: string, overrides: Readonly<Record<string, unknown>>): string {
  const declaration = 'export function stageSettings(';
  if (!contents.includes(declaration)) {
    throw new Error(`infra/settings.ts no longer declares "${declaration}": update withSettingsOverrides`);
  }
  return [
    contents.replace(declaration, 'function stageSettingsInRepository('),
    'export function stageSettings(stage: string): StageSettings {',
    `  return { ...stageSettingsInRepository(stage), ...${JSON.stringify(overrides)} };`,
    '}',
  ].join('\n');
}

async function bundleProgram(
  stage: string,
  settingsOverrides?: Readonly<Record<string, unknown>>,
): Promise<{ outfile: string; app: Record<string, unknown> }> {
  const runEntry = requirePlatformFile('src/auto/run.ts');
  const shim = requirePlatformFile('src/shim/run.js');
  const components = dirname(requirePlatformFile('src/components/index.ts'));
  const globals = [
    ...readProviderAliases().map((entry) => `import * as ${entry.alias} from "${entry.package}";`),
    `import * as sst from "${components}";`,
  ].join('\n');
  const app = await evaluateAppConfig(stage);
  const cli = {
    command: 'deploy',
    dev: false,
    paths: { home: join(tmpdir(), 'sst-home'), root: repositoryRoot, work: workDir, platform: platformDir },
    state: { version: {} },
  };
  const outfile = join(platformDir, `.infra-test-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: {
      contents: [
        `import { run } from ${JSON.stringify(runEntry)};`,
        `import mod from ${JSON.stringify(join(repositoryRoot, 'sst.config.ts'))};`,
        'export default () => run(mod.run);',
      ].join('\n'),
      resolveDir: repositoryRoot,
      sourcefile: 'eval.ts',
      loader: 'ts',
    },
    banner: {
      js: [
        "import { createRequire as topLevelCreateRequire } from 'module';",
        'const require = topLevelCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    mainFields: ['module', 'main'],
    format: 'esm',
    platform: 'node',
    nodePaths: [join(platformDir, 'node_modules')],
    plugins: [
      {
        name: 'inject-globals',
        setup(pluginBuild) {
          pluginBuild.onLoad({ filter: /\.(js|ts|jsx|tsx)$/ }, (args) => {
            const source = readFileSync(args.path, 'utf8');
            const contents =
              settingsOverrides && args.path === settingsFile
                ? withSettingsOverrides(source, settingsOverrides)
                : source;
            return {
              contents: args.path.includes('.sst') ? contents : `${globals}\n${contents}`,
              loader: 'default',
            };
          });
        },
      },
    ],
    external: [
      '@pulumi/*',
      'undici',
      '@pulumiverse/*',
      '@sst-provider/*',
      '@aws-sdk/*',
      'esbuild',
      'archiver',
      'glob',
      'vite',
    ],
    define: { $app: JSON.stringify(app), $cli: JSON.stringify(cli), $dev: 'false' },
    inject: [shim],
    outfile,
    bundle: true,
    write: true,
    logLevel: 'silent',
  });
  return { outfile, app };
}

// -------------------------------------------------------------------------------------------
// The CLI's RPC server

interface CliRpcServer {
  readonly url: string;
  readonly builds: RecordedBuild[];
  readonly methods: string[];
  readonly unanswered: string[];
  /** Resolves once no request has been open for `quietMs` (or after `capMs` at most). */
  settled(quietMs: number, capMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * What `Runtime.Build` does for a Node.js handler: bundle `<file>.handler`'s source with esbuild
 * into `out`. Returns the build errors (a missing file, an unresolved import, a missing export),
 * which the Function component raises as a failed deploy would.
 */
async function bundleHandler(handler: string, out: string): Promise<string[]> {
  const parsed = posix.parse(handler);
  const exportName = parsed.ext.slice(1);
  const entry = ['.ts', '.mts', '.js', '.mjs']
    .map((extension) => join(repositoryRoot, parsed.dir, `${parsed.name}${extension}`))
    .find((candidate) => existsSync(candidate));
  if (!entry) return [`Handler file ${parsed.dir}/${parsed.name}.ts (or .js) does not exist`];
  const outfile = join(out, parsed.dir, `${parsed.name}.mjs`);
  try {
    const result = await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      metafile: true,
      write: true,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as topLevelCreateRequire } from 'module';\nconst require = topLevelCreateRequire(import.meta.url);",
      },
    });
    const exports =
      Object.values(result.metafile.outputs).find((output) => output.entryPoint !== undefined)?.exports ?? [];
    return exports.includes(exportName) ? [] : [`${handler}: ${entry} does not export "${exportName}"`];
  } catch (error) {
    const messages = (
      error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }
    ).errors;
    if (!messages) throw error;
    return messages.map((message) =>
      message.location ? `${message.location.file}:${message.location.line}: ${message.text}` : message.text,
    );
  }
}

async function startCliRpcServer(buildRoot: string): Promise<CliRpcServer> {
  const builds: RecordedBuild[] = [];
  const methods: string[] = [];
  const unanswered: string[] = [];

  const answer = (method: string, params: Record<string, unknown>): unknown => {
    switch (method) {
      case 'Provider.Aws.Bootstrap':
        return {
          asset: `sst-asset-${mockAccount}`,
          assetEcrRegistryId: mockAccount,
          assetEcrUrl: `${mockAccount}.dkr.ecr.${mockRegion}.amazonaws.com/sst-asset`,
          state: `sst-state-${mockAccount}`,
          appsyncHttp: '',
          appsyncRealtime: '',
        };
      case 'Runtime.Build': {
        if (
          typeof params.functionID !== 'string' ||
          typeof params.handler !== 'string' ||
          typeof params.runtime !== 'string'
        ) {
          throw new SstInternalsMovedError(
            `Runtime.Build was called without functionID/handler/runtime strings (keys: ${Object.keys(params).join(', ')})`,
          );
        }
        const functionID = params.functionID;
        const handler = params.handler;
        builds.push({
          functionID,
          handler,
          runtime: params.runtime,
          links: (params.links ?? {}) as Record<string, Record<string, unknown>>,
        });
        const out = join(buildRoot, functionID);
        return bundleHandler(handler, out).then((errors) => ({ handler, out, errors, sourcemaps: [] }));
      }
      default:
        unanswered.push(method);
        return undefined;
    }
  };

  let open = 0;
  let lastActivity = Date.now();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    open += 1;
    lastActivity = Date.now();
    response.on('close', () => {
      open -= 1;
      lastActivity = Date.now();
    });
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', async () => {
      const { method, params } = JSON.parse(body) as { method: string; params: [Record<string, unknown>] };
      methods.push(method);
      let reply: { result?: unknown; error: string | null };
      try {
        const result = await answer(method, params[0] ?? {});
        reply =
          result === undefined
            ? { error: `the infra test harness does not answer RPC method ${method}` }
            : { result, error: null };
      } catch (error) {
        reply = { error: error instanceof Error ? error.message : String(error) };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('RPC server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    builds,
    methods,
    unanswered,
    settled: async (quietMs, capMs) => {
      const deadline = Date.now() + capMs;
      while (Date.now() < deadline && (open > 0 || Date.now() - lastActivity < quietMs)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// -------------------------------------------------------------------------------------------
// AWS, mocked

function loadPlatformPulumi(): typeof PulumiModule {
  const requireFromPlatform = createRequire(join(platformDir, 'package.json'));
  return requireFromPlatform('@pulumi/pulumi') as typeof PulumiModule;
}

const serviceOfType = (type: string): string => type.split(':')[1]?.split('/')[0] ?? 'unknown';

/** Outputs AWS would compute, made up deterministically from the resource's name. */
function madeUpOutputs(
  type: string,
  name: string,
  id: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const physicalName = typeof inputs.name === 'string' ? inputs.name : name;
  const service = serviceOfType(type);
  const arn = `arn:aws:${service}:${mockRegion}:${mockAccount}:${physicalName}`;
  switch (type) {
    case 'aws:dynamodb/table:Table': {
      const tableArn = `arn:aws:dynamodb:${mockRegion}:${mockAccount}:table/${physicalName}`;
      return {
        name: physicalName,
        arn: tableArn,
        streamArn: inputs.streamEnabled ? `${tableArn}/stream/2026-01-01T00:00:00.000` : undefined,
      };
    }
    case 'aws:sqs/queue:Queue':
      return {
        name: physicalName,
        arn: `arn:aws:sqs:${mockRegion}:${mockAccount}:${physicalName}`,
        url: `https://sqs.${mockRegion}.amazonaws.com/${mockAccount}/${physicalName}`,
      };
    case 'aws:appsync/graphQLApi:GraphQLApi':
      return {
        arn: `arn:aws:appsync:${mockRegion}:${mockAccount}:apis/${id}`,
        uris: {
          GRAPHQL: `https://${id}.appsync-api.${mockRegion}.amazonaws.com/graphql`,
          REALTIME: `wss://${id}.appsync-realtime-api.${mockRegion}.amazonaws.com/graphql`,
        },
      };
    case 'aws:appsync/function:Function':
      return { functionId: `${id}-function-id`, arn: `${arn}-function` };
    case 'aws:appsync/apiKey:ApiKey':
      return { key: `da2-${id}`, apiKeyId: `${id}-key-id` };
    case 'aws:lambda/function:Function': {
      const functionArn = `arn:aws:lambda:${mockRegion}:${mockAccount}:function:${physicalName}`;
      return {
        name: physicalName,
        arn: functionArn,
        qualifiedArn: `${functionArn}:$LATEST`,
        invokeArn: functionArn,
      };
    }
    case 'aws:iam/role:Role':
      return { name: physicalName, arn: `arn:aws:iam::${mockAccount}:role/${physicalName}` };
    case 'aws:cognito/userPool:UserPool':
      return {
        arn: `arn:aws:cognito-idp:${mockRegion}:${mockAccount}:userpool/${id}`,
        endpoint: `cognito-idp.${mockRegion}.amazonaws.com/${id}`,
      };
    default:
      return { name: physicalName, arn };
  }
}

interface PolicyStatementInput {
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

/** `iam.getPolicyDocument`, rendered the way the AWS provider renders it. */
function renderPolicyDocument(inputs: { statements?: PolicyStatementInput[] }): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: (inputs.statements ?? []).map((statement) => ({
      Effect: statement.effect ?? 'Allow',
      ...(statement.actions ? { Action: statement.actions } : {}),
      ...(statement.notActions ? { NotAction: statement.notActions } : {}),
      ...(statement.resources ? { Resource: statement.resources } : {}),
      ...(statement.principals
        ? { Principal: Object.fromEntries(statement.principals.map((p) => [p.type, p.identifiers])) }
        : {}),
    })),
  });
}

function answerCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case 'aws:index/getRegion:getRegion':
      return { id: mockRegion, name: mockRegion, region: mockRegion };
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return {
        accountId: mockAccount,
        arn: `arn:aws:iam::${mockAccount}:user/test`,
        userId: 'test',
        id: mockAccount,
      };
    case 'aws:index/getPartition:getPartition':
      return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws' };
    case 'aws:iam/getPolicyDocument:getPolicyDocument':
      // The provider echoes the statements back with the rendered document; SST reads both.
      return {
        ...inputs,
        statements: (inputs.statements as unknown[] | undefined)?.length ? inputs.statements : undefined,
        json: renderPolicyDocument(inputs),
        id: 'policy',
      };
    default:
      return {};
  }
}

const readResourceOptions: RecordedOptions = {
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
  ignoreChanges: [],
  replaceOnChanges: [],
};

/** What the mocked monitor's registration requests carry that `newResource` does not pass on. */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
}

/**
 * Wraps the mock monitor's `registerResource` to keep each resource's options (protect,
 * retainOnDelete, ...), which Pulumi's mocks do not hand to `newResource`. The wrapper runs
 * first, so the options are there when `newResource` records the resource.
 */
function recordRegisteredOptions(pulumi: typeof PulumiModule): Map<string, RecordedOptions> {
  const recorded = new Map<string, RecordedOptions>();
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource?: (request: RegisterResourceRequest, callback: unknown) => unknown;
  };
  const register = monitor.registerResource?.bind(monitor);
  if (!register) throw new SstInternalsMovedError('The Pulumi mock monitor has no registerResource');
  monitor.registerResource = (request, callback) => {
    recorded.set(`${request.getType()} ${request.getName()}`, {
      protect: request.getProtect() ?? false,
      retainOnDelete: request.getRetainondelete() ?? false,
      deleteBeforeReplace: request.getDeletebeforereplace(),
      ignoreChanges: request.getIgnorechangesList(),
      replaceOnChanges: request.getReplaceonchangesList(),
    });
    return register(request, callback);
  };
  return recorded;
}

// -------------------------------------------------------------------------------------------

/**
 * Bundles and runs the SST program once under mocks. Resolves when every resource has been
 * registered; rejects with the program's own error if it throws.
 */
export async function runSstProgram(options: RunOptions = {}): Promise<ProgramRun> {
  const buildRoot = mkdtempSync(join(tmpdir(), 'leaderboard-infra-builds-'));
  const server = await startCliRpcServer(buildRoot);
  const resources: RecordedResource[] = [];
  const calls: RecordedCall[] = [];
  const savedEnv = { ...process.env };
  const asyncFailures: unknown[] = [];
  // A failure inside an output (a missing secret, say) never settles the run: the first one ends it.
  let failRun: (reason: unknown) => void = () => undefined;
  const runFailed = new Promise<never>((_, reject) => (failRun = reject));
  runFailed.catch(() => undefined);
  const onRejection = (reason: unknown) => {
    asyncFailures.push(reason);
    failRun(reason);
  };
  let bundle: string | undefined;
  let programRun: Promise<unknown> | undefined;
  try {
    Object.assign(process.env, {
      SST_SERVER: server.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      ...options.env,
    });
    process.on('unhandledRejection', onRejection);

    const pulumi = loadPlatformPulumi();
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          const id = `${args.name}-id`;
          const state = { ...args.inputs, ...madeUpOutputs(args.type, args.name, id, args.inputs) };
          // A resource read with `.get()` has no registration request, and no options.
          const registered = registeredOptions.get(`${args.type} ${args.name}`) ?? readResourceOptions;
          resources.push({
            type: args.type,
            name: args.name,
            id,
            inputs: args.inputs,
            state,
            options: registered,
          });
          return { id, state };
        },
        call(args) {
          calls.push({ token: args.token, inputs: args.inputs });
          return answerCall(args.token, args.inputs);
        },
      },
      'leaderboard',
      options.stage ?? 'test',
      false,
    );

    const registeredOptions = recordRegisteredOptions(pulumi);
    const bundled = await bundleProgram(options.stage ?? 'test', options.settings);
    bundle = bundled.outfile;
    const program = (await import(pathToFileURL(bundle).href)) as {
      default: () => Promise<Record<string, unknown>>;
    };
    programRun = pulumi.runtime.runInPulumiStack(program.default);
    const outputs = ((await Promise.race([programRun, runFailed])) ?? {}) as Record<string, unknown>;
    const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
    if (!waitForRPCs) throw new SstInternalsMovedError('@pulumi/pulumi runtime.waitForRPCs is gone');
    await Promise.race([waitForRPCs(), runFailed]);
    if (asyncFailures.length > 0) throw asyncFailures[0];
    return {
      resources,
      calls,
      builds: server.builds,
      rpcMethods: server.methods,
      unansweredRpcMethods: server.unanswered,
      outputs,
      app: bundled.app,
    };
  } finally {
    // A failed program may still be building functions: let those calls finish, not meet a closed port.
    if (asyncFailures.length > 0) {
      const cap = new Promise((resolve) => setTimeout(resolve, 30_000).unref());
      await Promise.race([programRun?.catch(() => undefined), cap]);
      await server.settled(2_000, 30_000);
    }
    process.off('unhandledRejection', onRejection);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
    await server.close();
    if (bundle) rmSync(bundle, { force: true });
    rmSync(buildRoot, { recursive: true, force: true });
  }
}
