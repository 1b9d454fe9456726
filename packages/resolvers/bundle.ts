/**
 * How a folder of APPSYNC_JS resolvers becomes bundles: one ESM file per resolver
 * (`<Type>.<field>.ts`) and pipeline function (`functions/<name>.ts`), with
 * `@aws-appsync/utils` kept external because AppSync (or the local runtime) supplies it.
 * The service build and the local runtime's test fixtures both bundle through here, so the
 * fixtures exercise exactly what production ships.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolverEntryPoint {
  /** Source file. */
  in: string;
  /** Output path under the bundle folder, without extension (`Query.me`, `functions/getUser`). */
  out: string;
}

/** The resolvers in `sourceDir` and the pipeline functions in its `functions/` folder, if any. */
export function resolverEntryPoints(sourceDir: string): ResolverEntryPoint[] {
  const functionsDir = join(sourceDir, 'functions');
  return [
    ...readdirSync(sourceDir)
      .filter((file) => /^(Query|Mutation|Subscription)\.\w+\.ts$/.test(file))
      .map((file) => ({ in: join(sourceDir, file), out: file.replace(/\.ts$/, '') })),
    ...(existsSync(functionsDir)
      ? readdirSync(functionsDir, { withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
          .map((entry) => ({
            in: join(functionsDir, entry.name),
            out: `functions/${entry.name.replace(/\.ts$/, '')}`,
          }))
      : []),
  ];
}

/** How `entryPoints` become APPSYNC_JS-ready ESM in `outdir` (also for an esbuild context that rebuilds them). */
export function resolverBuildOptions(entryPoints: ResolverEntryPoint[], outdir: string): BuildOptions {
  return {
    entryPoints,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    sourcemap: 'inline',
    sourcesContent: false,
    minify: false,
    external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
    logLevel: 'warning',
  };
}

/** Bundles `entryPoints` into `outdir` as APPSYNC_JS-ready ESM. */
export async function bundleResolvers(entryPoints: ResolverEntryPoint[], outdir: string): Promise<void> {
  await build(resolverBuildOptions(entryPoints, outdir));
}

/** Where the service's resolver bundles go: what `infra/api.ts` deploys and `pnpm start` runs. */
export const serviceBundleDir = join(import.meta.dirname, 'dist');

/** Rebuilds `dist/` from `src/`; returns how many bundles it wrote. */
export async function buildServiceResolvers(): Promise<number> {
  const entryPoints = resolverEntryPoints(join(import.meta.dirname, 'src'));
  rmSync(serviceBundleDir, { recursive: true, force: true });
  await bundleResolvers(entryPoints, serviceBundleDir);
  return entryPoints.length;
}
