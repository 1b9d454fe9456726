/**
 * The resolver bundles under `pnpm dev`: an esbuild context bundles them, as `pnpm
 * build:resolvers` does, into a folder of this run, and rebuilds them incrementally when asked.
 * Each build also tells which source files went into the bundles, for the watcher.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolverBuildOptions, resolverEntryPoints } from '@leaderboard/resolvers/bundle';
import { context } from 'esbuild';
import { ResolverBuildError } from '../errors.ts';
import { inputFiles } from './metafile-inputs.ts';

export interface ResolverBundles {
  /** Where the bundles are, for the engine to load. */
  readonly bundlesDir: string;
  /** The source files the last build read. */
  inputs(): ReadonlySet<string>;
  /** True when the bundles were rebuilt; false when the build failed (esbuild printed why) and the old ones stay. */
  rebuild(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startResolverBundles(sourceDir: string): Promise<ResolverBundles> {
  const bundlesDir = mkdtempSync(join(tmpdir(), 'leaderboard-dev-resolvers-'));
  const removeBundles = () => rmSync(bundlesDir, { recursive: true, force: true });
  const build = await context({
    ...resolverBuildOptions(resolverEntryPoints(sourceDir), bundlesDir),
    metafile: true,
  });
  let inputs: ReadonlySet<string> = new Set();
  const rebuild = async () => {
    try {
      inputs = inputFiles((await build.rebuild()).metafile);
      return true;
    } catch {
      return false;
    }
  };
  if (!(await rebuild())) {
    await build.dispose();
    removeBundles();
    throw new ResolverBuildError(`the resolvers in ${sourceDir} do not build (esbuild says why above)`);
  }
  return {
    bundlesDir,
    inputs: () => inputs,
    rebuild,
    close: async () => {
      await build.dispose();
      removeBundles();
    },
  };
}
