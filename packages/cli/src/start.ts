/**
 * `pnpm start`: the whole service on this machine. Builds the resolver bundles, prints where
 * everything is, writes `.local/stack.json` for the other commands, and stops everything it
 * started on Ctrl-C.
 */
import { buildServiceResolvers, serviceBundleDir } from '@leaderboard/resolvers/bundle';
import { ResolverBuildError } from './errors.ts';
import { runService } from './local-service.ts';
import { parseStartOptions, startUsage } from './service-options.ts';

runService({
  usage: startUsage,
  parse: parseStartOptions,
  bundles: async (_options, log) => {
    const count = await buildServiceResolvers().catch(() => {
      throw new ResolverBuildError('the resolvers do not build (esbuild says why above)');
    });
    log(`resolvers: bundled ${count} files into packages/resolvers/dist/`);
    return serviceBundleDir;
  },
});
