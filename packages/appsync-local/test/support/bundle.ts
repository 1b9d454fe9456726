/**
 * Bundles fixture resolvers as AppSync's APPSYNC_JS runtime takes them, following AWS's esbuild
 * recipe: one ESM file per resolver and pipeline function, `@aws-appsync/utils` left external,
 * and an inline source map, which the engine reads to name the source line of an error.
 */
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `<Type>.<field>.ts` in `sourceDir`, and `functions/<name>.ts` if that folder exists. */
function entryPoints(sourceDir: string): { in: string; out: string }[] {
  const functionsDir = join(sourceDir, 'functions');
  const resolvers = readdirSync(sourceDir)
    .filter((file) => /^(Query|Mutation|Subscription)\.\w+\.ts$/.test(file))
    .map((file) => ({ in: join(sourceDir, file), out: file.replace(/\.ts$/, '') }));
  const functions = existsSync(functionsDir)
    ? readdirSync(functionsDir)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => ({ in: join(functionsDir, file), out: `functions/${file.replace(/\.ts$/, '')}` }))
    : [];
  return [...resolvers, ...functions];
}

/** Bundles every resolver of `sourceDir` into a fresh folder and returns that folder. */
export async function bundleFixtureResolvers(sourceDir: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'appsync-local-bundles-'));
  await build({
    entryPoints: entryPoints(sourceDir),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
    logLevel: 'warning',
  });
  return outdir;
}
