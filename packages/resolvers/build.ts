/** `pnpm build:resolvers`: bundles every resolver and pipeline function into `dist/`. */
import { buildServiceResolvers } from './bundle.ts';

const count = await buildServiceResolvers();
console.log(`resolvers: bundled ${count} files into dist/`);
