/**
 * Bundles every resolver (`src/<Type>.<field>.ts`) and pipeline function
 * (`src/functions/<name>.ts`) into an APPSYNC_JS-ready ESM file under `dist/`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleResolvers, resolverEntryPoints } from './bundle.ts';

const root = import.meta.dirname;
const entryPoints = resolverEntryPoints(join(root, 'src'));

rmSync(join(root, 'dist'), { recursive: true, force: true });
await bundleResolvers(entryPoints, join(root, 'dist'));
console.log(`resolvers: bundled ${entryPoints.length} files into dist/`);
