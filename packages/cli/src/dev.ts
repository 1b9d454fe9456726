/**
 * `pnpm dev`: `pnpm start` with live reload. Resolver and pipeline-function bundles are rebuilt
 * by an esbuild context and reloaded into the running API; a changed handler's execution
 * environments are recycled. `--inspect` starts the functions under Node's inspector.
 */
import { join } from 'node:path';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { displayPath } from './banner.ts';
import { startLiveReload } from './dev/live-reload.ts';
import { startResolverBundles, type ResolverBundles } from './dev/resolver-bundles.ts';
import { runService } from './local-service.ts';
import { devUsage, parseDevOptions, type DevOptions } from './service-options.ts';

const serviceResolvers = join(repositoryRoot, 'packages', 'resolvers', 'src');
let bundles: ResolverBundles | undefined;

function inspectorLine(options: DevOptions, functionNames: readonly string[]): string[] {
  if (options.inspectPort === undefined) return [];
  const ports =
    options.inspectPort === 0
      ? "ports of the system's choosing, logged as each starts"
      : functionNames
          .map((name, index) => `${name} 127.0.0.1:${(options.inspectPort ?? 0) + index}`)
          .join(', ');
  return [`  Debuggers    ${ports}   (chrome://inspect, or attach from your editor)`];
}

runService<DevOptions>({
  usage: devUsage,
  parse: parseDevOptions,
  bundles: async (options) => {
    bundles = await startResolverBundles(options.resolversDir ?? serviceResolvers);
    return bundles.bundlesDir;
  },
  stackOptions: (options) => (options.inspectPort === undefined ? {} : { inspectPort: options.inspectPort }),
  attach: async (stack, options, log) => {
    const reload = await startLiveReload(stack, bundles!, log);
    const watched = displayPath(options.resolversDir ?? serviceResolvers);
    return {
      bannerLines: [
        `  Live reload  resolvers (${watched}), pipeline functions, handlers and the core code they use:`,
        '               a saved change is swapped in within a second or two, data kept',
        ...inspectorLine(options, Object.keys(stack.functions)),
      ],
      stop: () => reload.stop(),
    };
  },
  release: async () => {
    await bundles?.close();
    bundles = undefined;
  },
});
