/**
 * `pnpm dev`'s loop: a saved source file that a resolver bundle was built from rebuilds the
 * bundles and reloads them into the running API; one that a handler loads recycles that
 * function's execution environments, so its next invocation cold-starts with the new code.
 * Changes are handled one after another; DynamoDB Local and the data are never touched.
 */
import { functions } from '@leaderboard/core';
import type { LocalStack } from '@leaderboard/local/stack/options';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { displayPath } from '../banner.ts';
import { startHandlerSources, type HandlerSources } from './handler-sources.ts';
import type { ResolverBundles } from './resolver-bundles.ts';
import { SourceWatch } from './source-watch.ts';

export interface LiveReload {
  stop(): Promise<void>;
}

const elapsed = (since: number) => `${Math.round(performance.now() - since)} ms`;

async function reloadResolvers(
  stack: LocalStack,
  bundles: ResolverBundles,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  if (!(await bundles.rebuild())) {
    log('[dev] the resolvers do not build (esbuild says why above): still serving the previous ones');
    return;
  }
  try {
    stack.reloadResolvers();
    log(`[dev] resolvers rebuilt and reloaded in ${elapsed(started)}`);
  } catch (error) {
    log(`[dev] ${(error as Error).message}\n[dev] still serving the previous resolvers`);
  }
}

async function reloadHandlers(
  stack: LocalStack,
  handlers: HandlerSources,
  names: string[],
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  await stack.reloadHandlers(names);
  log(`[dev] ${names.join(', ')}: next invocations run the new code (recycled in ${elapsed(started)})`);
  // Imports may have changed with the save: the next save is matched against the new ones.
  await handlers.refresh();
}

export async function startLiveReload(
  stack: LocalStack,
  bundles: ResolverBundles,
  log: (line: string) => void,
): Promise<LiveReload> {
  const handlers = await startHandlerSources(repositoryRoot, functions);
  let queue = Promise.resolve();
  const watchAll = () => watcher.watch(new Set([...bundles.inputs(), ...handlers.files()]));
  const onSaved = async (files: string[]) => {
    log(`[dev] saved: ${files.map(displayPath).join(', ')}`);
    if (files.some((file) => bundles.inputs().has(file))) await reloadResolvers(stack, bundles, log);
    const names = handlers.functionsReading(files);
    if (names.length > 0) await reloadHandlers(stack, handlers, names, log);
    watchAll();
  };
  const watcher = new SourceWatch((files) => {
    queue = queue
      .then(() => onSaved(files))
      .catch((error: unknown) => log(`[dev] ${(error as Error).message}`));
  });
  watchAll();
  return {
    async stop() {
      watcher.close();
      await queue;
      await handlers.close();
    },
  };
}
