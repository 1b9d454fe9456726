/**
 * Which source files each function's handler loads: each handler is bundled in memory (nothing
 * written) only to read esbuild's list of inputs, following the workspace's own packages and
 * leaving those from node_modules out. Asked again after a change, as imports may have moved.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { context, type Plugin } from 'esbuild';
import { inputFiles } from './metafile-inputs.ts';

export interface HandlerSpec {
  readonly name: string;
  /** As SST takes it: `<path without extension>.<export>`, relative to the root. */
  readonly handler: string;
}

export interface HandlerSources {
  /** Every source file some handler loads. */
  files(): ReadonlySet<string>;
  /** The functions whose handlers load any of `changed`. */
  functionsReading(changed: readonly string[]): string[];
  /** Reads the imports again (after a change). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Bare imports that resolve into node_modules stay out; the workspace's packages resolve to their sources. */
const followWorkspaceOnly: Plugin = {
  name: 'follow-workspace-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === followWorkspaceOnly) return undefined;
      const { kind, resolveDir, importer } = args;
      const found = await build.resolve(args.path, {
        kind,
        resolveDir,
        importer,
        pluginData: followWorkspaceOnly,
      });
      if (found.errors.length > 0 || found.external || found.path.includes('node_modules')) {
        return { path: args.path, external: true };
      }
      return { path: found.path, namespace: found.namespace };
    });
  },
};

function handlerFile(root: string, handler: string): string {
  const base = join(root, handler.slice(0, handler.lastIndexOf('.')));
  return ['.ts', '.mts', '.js', '.mjs'].map((ext) => base + ext).find(existsSync) ?? `${base}.ts`;
}

/** One in-memory build per handler, so a handler that does not compile blinds the watch to no other. */
async function handlerInputs(root: string, spec: HandlerSpec) {
  const build = await context({
    entryPoints: [handlerFile(root, spec.handler)],
    outfile: 'handler.js',
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [followWorkspaceOnly],
  });
  let files: ReadonlySet<string> = new Set();
  return {
    files: () => files,
    // A handler that does not compile keeps its previous list: its next save is still seen.
    refresh: () =>
      build.rebuild().then(
        (result) => void (files = inputFiles(result.metafile)),
        () => undefined,
      ),
    close: () => build.dispose(),
  };
}

export async function startHandlerSources(
  root: string,
  specs: readonly HandlerSpec[],
): Promise<HandlerSources> {
  const handlers = new Map(
    await Promise.all(specs.map(async (spec) => [spec.name, await handlerInputs(root, spec)] as const)),
  );
  const refresh = async () => {
    await Promise.all([...handlers.values()].map((handler) => handler.refresh()));
  };
  await refresh();
  return {
    files: () => new Set([...handlers.values()].flatMap((handler) => [...handler.files()])),
    functionsReading: (changed) =>
      [...handlers]
        .filter(([, handler]) => changed.some((file) => handler.files().has(file)))
        .map(([name]) => name),
    refresh,
    close: async () => {
      await Promise.all([...handlers.values()].map((handler) => handler.close()));
    },
  };
}
