/**
 * Bundles the dashboard for the browser: the wall page `dist/index.html` and the employee page
 * `dist/me.html`, each with a content-hashed script and stylesheet, the favicon, and, when the
 * environment names an API, `dist/config.json`. The bundles hold no stage: the same build serves
 * any API through the config.json written next to them.
 *
 *   pnpm --filter @leaderboard/dashboard build [--out <dir>]
 *
 * Environment for config.json (the deploy sets these from the API's outputs):
 * DASHBOARD_GRAPHQL_URL, DASHBOARD_REALTIME_URL, DASHBOARD_API_KEY, DASHBOARD_REGION; for the employee page's sign-in,
 * DASHBOARD_SIGN_IN_ISSUER, DASHBOARD_SIGN_IN_CLIENT_ID and optionally DASHBOARD_SIGN_IN_LOGOUT_URL.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { configFileName, parseDashboardConfig, type DashboardConfig } from './src/view/config.ts';

const packageDir = import.meta.dirname;
export const defaultDashboardDir = join(packageDir, 'dist');

/**
 * The page's icon (also its logo), written under a content-hashed name like the bundles: the
 * deployed site caches every file but the page and config.json for a year.
 */
function writeFavicon(outDir: string): string {
  const svg = readFileSync(join(packageDir, 'src/page/favicon.svg'));
  const hash = createHash('sha256').update(svg).digest('hex').slice(0, 8).toUpperCase();
  const file = `favicon-${hash}.svg`;
  writeFileSync(join(outDir, file), svg);
  return file;
}

export interface BuildDashboardOptions {
  /** Where the site goes; emptied first. `dist/` by default. */
  readonly outDir?: string;
  /** Written as config.json when given. */
  readonly config?: DashboardConfig;
}

export interface BuiltDashboard {
  readonly outDir: string;
  /** Paths relative to `outDir`. */
  readonly files: readonly string[];
}

export class DashboardBuildError extends Error {
  override readonly name = 'DashboardBuildError';
}

export function writeDashboardConfig(outDir: string, config: DashboardConfig): string {
  const file = join(outDir, configFileName);
  writeFileSync(file, `${JSON.stringify(parseDashboardConfig(config), null, 2)}\n`);
  return file;
}

/**
 * Module substitutions for the browser. `url`: see src/browser/url-shim.ts.
 * The AppSync links import `graphql/index.js` and `graphql/language/printer.js`, graphql's
 * CommonJS files, which cannot be tree-shaken; the `.mjs` twins next to them can. This keeps
 * the bundle from carrying all of graphql-js (about 270 kB).
 */
const browserModules: Plugin = {
  name: 'browser-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^url$/ }, () => ({ path: join(packageDir, 'src/browser/url-shim.ts') }));
    pluginBuild.onResolve({ filter: /^graphql\/.+\.js$/ }, (args) =>
      pluginBuild.resolve(args.path.replace(/\.js$/, '.mjs'), {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
      }),
    );
  },
};

/** Each page: its HTML template, the script and stylesheet it names, and its file in the build. */
const pages = [
  { template: 'src/page/index.html', script: 'src/browser/main.ts', styles: 'src/page/styles.css' },
  { template: 'src/page/me.html', script: 'src/employee/me.ts', styles: 'src/page/me.css' },
] as const;

/** The esbuild options of the dashboard bundles (also what the build benchmark measures). */
export function dashboardBuildOptions(outDir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: pages.flatMap((page) => [join(packageDir, page.script), join(packageDir, page.styles)]),
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    inject: [join(packageDir, 'src/browser/shims.ts')],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    metafile: true,
    legalComments: 'linked',
    plugins: [browserModules],
    logLevel: 'silent',
  };
}

export async function buildDashboard(options: BuildDashboardOptions = {}): Promise<BuiltDashboard> {
  const outDir = resolve(options.outDir ?? defaultDashboardDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build(dashboardBuildOptions(outDir)).catch((error: unknown) => {
    throw new DashboardBuildError(`bundling the dashboard failed: ${(error as Error).message}`, {
      cause: error,
    });
  });
  const outputs = Object.entries(result.metafile.outputs);
  const outputFor = (entry: string): string => {
    const found = outputs.find(([, output]) => output.entryPoint?.endsWith(entry));
    if (!found) throw new DashboardBuildError(`the build produced no output for ${entry}`);
    return basename(found[0]);
  };
  const favicon = writeFavicon(outDir);
  for (const page of pages) {
    const html = readFileSync(join(packageDir, page.template), 'utf8')
      .replace('%SCRIPT%', `./${outputFor(page.script)}`)
      .replace('%STYLES%', `./${outputFor(page.styles)}`)
      .replaceAll('%FAVICON%', `./${favicon}`);
    writeFileSync(join(outDir, basename(page.template)), html);
  }
  if (options.config) writeDashboardConfig(outDir, options.config);
  const files = [
    ...pages.map((page) => basename(page.template)),
    favicon,
    ...outputs.map(([file]) => relative(outDir, resolve(file))),
    ...(options.config ? [configFileName] : []),
  ];
  return { outDir, files };
}

/** config.json from the DASHBOARD_* environment, or undefined when it names no API. */
export function configFromEnvironment(env: NodeJS.ProcessEnv): DashboardConfig | undefined {
  if (!env['DASHBOARD_GRAPHQL_URL']) return undefined;
  return parseDashboardConfig({
    graphqlUrl: env['DASHBOARD_GRAPHQL_URL'],
    realtimeUrl: env['DASHBOARD_REALTIME_URL'],
    apiKey: env['DASHBOARD_API_KEY'],
    region: env['DASHBOARD_REGION'],
    ...signInFromEnvironment(env),
  });
}

function signInFromEnvironment(env: NodeJS.ProcessEnv): { signIn?: unknown } {
  if (!env['DASHBOARD_SIGN_IN_ISSUER']) return {};
  return {
    signIn: {
      issuer: env['DASHBOARD_SIGN_IN_ISSUER'],
      clientId: env['DASHBOARD_SIGN_IN_CLIENT_ID'],
      ...(env['DASHBOARD_SIGN_IN_LOGOUT_URL'] ? { logoutUrl: env['DASHBOARD_SIGN_IN_LOGOUT_URL'] } : {}),
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const started = performance.now();
  buildDashboard({
    ...(values.out ? { outDir: values.out } : {}),
    ...(() => {
      const config = configFromEnvironment(process.env);
      return config ? { config } : {};
    })(),
  }).then(
    (built) => {
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`dashboard built in ${ms} ms: ${built.files.join(', ')} in ${built.outDir}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
