/**
 * The SST CLI's esbuild step for `sst deploy`: `$app` evaluated from sst.config.ts's `app()`,
 * then the program bundled with the same entry, injected globals, shim and defines as
 * `pkg/project` and `pkg/js` in the sst repository; stage settings can be overridden for a run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import ts from 'typescript';
import {
  platformDir,
  repositoryRoot,
  requirePlatformFile,
  SstInternalsMovedError,
  workDir,
} from './sst-platform.ts';

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

/** What the SST CLI says when sst.config.ts imports anything at its top level. */
export class TopLevelImportError extends Error {
  override readonly name = 'TopLevelImportError';
}

/**
 * The CLI refuses a config with top-level imports (only `run()` may import, dynamically);
 * a type-only import or the triple-slash reference is fine.
 */
export function hasTopLevelImports(configSource: string): boolean {
  const source = ts.createSourceFile('sst.config.ts', configSource, ts.ScriptTarget.Latest);
  return source.statements.some(
    (statement) => ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly,
  );
}

function refuseTopLevelImports(): void {
  if (hasTopLevelImports(readFileSync(join(repositoryRoot, 'sst.config.ts'), 'utf8'))) {
    throw new TopLevelImportError(
      'Your sst.config.ts has top level imports - this is not allowed. Move imports inside the function they are used and do a dynamic import: `const mod = await import("./mod")`',
    );
  }
}

/** `$app`, as the CLI derives it: the config's `app({stage})` with the stage added. */
async function evaluateAppConfig(stage: string): Promise<Record<string, unknown>> {
  refuseTopLevelImports();
  const result = await build({
    entryPoints: [join(repositoryRoot, 'sst.config.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    banner: { js: 'const $config = (input) => input;' },
    // Only app() runs here: the infra modules run() imports are left out.
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

/** SST's globals (`aws`, `sst`, ...) imported at the top of every program file, as the CLI does. */
function injectGlobalsPlugin(settingsOverrides: Readonly<Record<string, unknown>> | undefined): Plugin {
  const components = dirname(requirePlatformFile('src/components/index.ts'));
  const globals = [
    ...readProviderAliases().map((entry) => `import * as ${entry.alias} from "${entry.package}";`),
    `import * as sst from "${components}";`,
  ].join('\n');
  return {
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
  };
}

/** Bundles the program for `stage` into a module beside the platform; returns it with `$app`. */
export async function bundleProgram(
  stage: string,
  settingsOverrides?: Readonly<Record<string, unknown>>,
): Promise<{ outfile: string; app: Record<string, unknown> }> {
  const runEntry = requirePlatformFile('src/auto/run.ts');
  const shim = requirePlatformFile('src/shim/run.js');
  const plugin = injectGlobalsPlugin(settingsOverrides);
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
    plugins: [plugin],
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
