/**
 * A resolver bundle as `pnpm build:resolvers` writes it (packages/resolvers/dist, built by the
 * global setup), in the form a deploy ships it: the deploy builds its own copy from the same
 * sources with the same esbuild and drops the inline source map, which AppSync cannot use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceBundleDir } from '@leaderboard/resolvers/bundle';
import { withoutInlineSourceMap } from '../../resolver-bundles.ts';

export const readBundle = (relativePath: string): string =>
  withoutInlineSourceMap(readFileSync(join(serviceBundleDir, relativePath), 'utf8'));
