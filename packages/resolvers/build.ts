/**
 * Bundles every resolver (`src/<Type>.<field>.ts`) and pipeline function
 * (`src/functions/<name>.ts`) into an APPSYNC_JS-ready ESM file under `dist/`, keeping
 * `@aws-appsync/utils` external: AppSync (or the local runtime) supplies it.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = import.meta.dirname;
const source = join(root, 'src');
const entryPoints = [
  ...readdirSync(source)
    .filter((file) => /^(Query|Mutation|Subscription)\.\w+\.ts$/.test(file))
    .map((file) => ({ in: join(source, file), out: file.replace(/\.ts$/, '') })),
  ...readdirSync(join(source, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => ({
      in: join(source, 'functions', entry.name),
      out: `functions/${entry.name.replace(/\.ts$/, '')}`,
    })),
];

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints,
  outdir: join(root, 'dist'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'esnext',
  sourcemap: 'inline',
  sourcesContent: false,
  minify: false,
  external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
  logLevel: 'warning',
});
console.log(`resolvers: bundled ${entryPoints.length} files into dist/`);
