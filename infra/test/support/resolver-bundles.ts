/** The resolver bundles the program reads: packages/resolvers/dist, built by the global setup. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceBundleDir } from '../../../packages/resolvers/bundle.ts';

export const readBundle = (relativePath: string): string =>
  readFileSync(join(serviceBundleDir, relativePath), 'utf8');
