/**
 * The SST CLI's RPC server (`SST_SERVER`), answering the two methods components call during a
 * deploy: `Provider.Aws.Bootstrap` (the mocked account's asset and state buckets) and
 * `Runtime.Build` (each function's handler bundled with esbuild, as the CLI builds it). Every
 * method asked, answered or not, is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { build } from 'esbuild';
import { mockAccount, mockRegion } from './pulumi-mocks.ts';
import { repositoryRoot, SstInternalsMovedError } from './sst-platform.ts';

/** What a component asked the CLI to build (`Runtime.Build`): one entry per function. */
export interface RecordedBuild {
  readonly functionID: string;
  readonly handler: string;
  readonly runtime: string;
  readonly links: Record<string, Record<string, unknown>>;
}

export interface CliRpcServer {
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

const bootstrapAnswer = {
  asset: `sst-asset-${mockAccount}`,
  assetEcrRegistryId: mockAccount,
  assetEcrUrl: `${mockAccount}.dkr.ecr.${mockRegion}.amazonaws.com/sst-asset`,
  state: `sst-state-${mockAccount}`,
  appsyncHttp: '',
  appsyncRealtime: '',
};

/** `Runtime.Build`: records what was asked and bundles the handler into `<buildRoot>/<functionID>`. */
async function answerBuild(
  buildRoot: string,
  builds: RecordedBuild[],
  params: Record<string, unknown>,
): Promise<unknown> {
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

/** One JSON-RPC request: its method recorded, and `answer`'s result or error sent back. */
function replyTo(
  request: IncomingMessage,
  response: ServerResponse,
  methods: string[],
  answer: (method: string, params: Record<string, unknown>) => unknown,
): void {
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
}

export async function startCliRpcServer(buildRoot: string): Promise<CliRpcServer> {
  const builds: RecordedBuild[] = [];
  const methods: string[] = [];
  const unanswered: string[] = [];
  const answer = (method: string, params: Record<string, unknown>): unknown => {
    if (method === 'Provider.Aws.Bootstrap') return bootstrapAnswer;
    if (method === 'Runtime.Build') return answerBuild(buildRoot, builds, params);
    unanswered.push(method);
    return undefined;
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
    replyTo(request, response, methods, answer);
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
