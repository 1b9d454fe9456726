/**
 * Runs unit and pipeline resolvers as AppSync does: request handler, data source, response
 * handler; for pipelines the resolver's request ("before"), each function in order, then the
 * resolver's response ("after"), with a shared stash, `ctx.prev.result`, `runtime.earlyReturn`
 * and `util.error` ending the field. Every bundle is loaded and checked when the engine is made,
 * and again, all at once, on `reload()`.
 */
import { ResolverLoadError } from './errors.ts';
import { runResolver } from './field-run.ts';
import { loadResolvers, type ResolverLoadOptions } from './resolver-loading.ts';
import type { ResolverEngine } from './types.ts';

export type { PipelineFunctionSpec, ResolverSpec } from './resolver-loading.ts';

export interface ResolverEngineOptions extends ResolverLoadOptions {
  /** `ctx.env`. */
  readonly env: Readonly<Record<string, string>>;
}

/** The engine, with a way to pick up rebuilt bundles while it serves. */
export interface ReloadableResolverEngine extends ResolverEngine {
  /**
   * Loads every bundle again from `bundlesDir` and swaps them in at once; fields already
   * running finish on the bundles they started with. If any bundle cannot be used, throws as
   * creation does and keeps serving the bundles it had.
   */
  reload(): void;
}

export function createResolverEngine(options: ResolverEngineOptions): ReloadableResolverEngine {
  let resolvers = loadResolvers(options);
  return {
    has: (typeName, fieldName) => resolvers.has(`${typeName}.${fieldName}`),
    reload() {
      resolvers = loadResolvers(options);
    },
    async resolve(invocation) {
      const resolver = resolvers.get(`${invocation.typeName}.${invocation.fieldName}`);
      if (!resolver)
        throw new ResolverLoadError(
          `no resolver is attached to ${invocation.typeName}.${invocation.fieldName}`,
        );
      const started = performance.now();
      const outcome = await runResolver(resolver, invocation, options.env);
      options.log?.({
        event: 'resolver',
        field: `${invocation.typeName}.${invocation.fieldName}`,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        errors: outcome.errors.map((error) => error.errorType ?? error.message),
      });
      return outcome;
    },
  };
}
