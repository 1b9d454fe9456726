/**
 * `node --import tsx infra/scripts/build-resolver-bundles.ts <sourceDir> <outDir>`: the resolvers
 * package's own bundling (its esbuild, its options) of one source folder into one output folder.
 * A deploy runs it in a child process so the bundles it ships come from that esbuild, the one
 * `pnpm build:resolvers` and the local runtime use, not the older copy inside SST's platform.
 */
import { bundleResolvers, resolverEntryPoints } from '@leaderboard/resolvers/bundle';

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) {
  console.error('usage: build-resolver-bundles.ts <sourceDir> <outDir>');
  process.exit(2);
}
await bundleResolvers(resolverEntryPoints(sourceDir), outDir);
