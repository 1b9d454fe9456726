/**
 * The resolver bundles the program reads. The test uses packages/resolvers/dist as built by
 * `pnpm build:resolvers`; for any bundle not built yet it writes a stand-in into a temporary
 * copy (and says so), so the infrastructure wiring stays checked while resolvers are written.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipelineFunctions, resolverBundleName, resolvers } from '@leaderboard/core/api';
import { repositoryRoot, runSstProgram, type ProgramRun, type RunOptions } from './sst-program.ts';

export const builtBundleDir = join(repositoryRoot, 'packages', 'resolvers', 'dist');

export interface ResolverBundles {
  readonly dir: string;
  /** Bundles that were missing from dist and stand in as placeholders. */
  readonly placeholders: readonly string[];
  read(relativePath: string): string;
  dispose(): void;
}

export const expectedBundlePaths = (): string[] => [
  ...resolvers.map((resolver) => `${resolverBundleName(resolver)}.js`),
  ...pipelineFunctions.map((fn) => join('functions', `${fn.name}.js`)),
];

export function prepareResolverBundles(): ResolverBundles {
  const expected = expectedBundlePaths();
  const missing = expected.filter((path) => !existsSync(join(builtBundleDir, path)));
  const read = (dir: string) => (relativePath: string) => readFileSync(join(dir, relativePath), 'utf8');
  if (missing.length === 0) {
    return { dir: builtBundleDir, placeholders: [], read: read(builtBundleDir), dispose: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'leaderboard-resolver-bundles-'));
  for (const path of expected) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (missing.includes(path)) {
      writeFileSync(
        join(dir, path),
        `// Stand-in: packages/resolvers has not built ${path} yet.\nexport function request() { return {}; }\nexport function response(ctx) { return ctx.result; }\n`,
      );
    } else {
      copyFileSync(join(builtBundleDir, path), join(dir, path));
    }
  }
  console.warn(`infra tests: resolver bundles not built yet, stand-ins used for: ${missing.join(', ')}`);
  return {
    dir,
    placeholders: missing,
    read: read(dir),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface BundledProgramRun {
  readonly run: ProgramRun;
  /** The bundles the program read; dispose of them when the tests are done. */
  readonly bundles: ResolverBundles;
}

/** Runs the SST program on the resolver bundles, handed to it as `RESOLVER_BUNDLE_DIR`. */
export async function runSstProgramOnBundles(options: RunOptions = {}): Promise<BundledProgramRun> {
  const bundles = prepareResolverBundles();
  try {
    const run = await runSstProgram({
      ...options,
      env: { RESOLVER_BUNDLE_DIR: bundles.dir, ...options.env },
    });
    return { run, bundles };
  } catch (error) {
    bundles.dispose();
    throw error;
  }
}
