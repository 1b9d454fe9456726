/**
 * Runs unit and pipeline resolvers as AppSync does: request handler, data source, response
 * handler; for pipelines the resolver's request ("before"), each function in order, then the
 * resolver's response ("after"), with a shared stash, `ctx.prev.result`, `runtime.earlyReturn`
 * and `util.error` ending the field. Every bundle is loaded and checked when the engine is made,
 * and again, all at once, on `reload()`.
 */
import { join } from 'node:path';
import type { DataSourceCallContext, DataSourceError, DataSourceRuntime } from './datasources/data-source.ts';
import { DataSourceRequestError, ResolverLoadError } from './errors.ts';
import { createInvocationScope, type HandlerHalt, type InvocationScope } from './invocation-scope.ts';
import { loadResolverModule, runtimeError, type HandlerName, type ResolverModule } from './module-loader.ts';
import type { AppSyncError, FieldInvocation, FieldOutcome, ResolverEngine } from './types.ts';

/** A resolver attached to a field. */
export interface ResolverSpec {
  readonly typeName: string;
  readonly fieldName: string;
  /** Unit resolvers name their data source; pipeline resolvers list their functions. */
  readonly dataSource?: string;
  readonly pipeline?: readonly string[];
}

/** A pipeline function and the data source it calls. */
export interface PipelineFunctionSpec {
  readonly name: string;
  readonly dataSource: string;
}

export interface ResolverEngineOptions {
  /** Folder holding `<Type>.<field>.js` and `functions/<name>.js` bundles. */
  readonly bundlesDir: string;
  readonly resolvers: readonly ResolverSpec[];
  readonly pipelineFunctions: readonly PipelineFunctionSpec[];
  readonly dataSources: Readonly<Record<string, DataSourceRuntime>>;
  /** `ctx.env`. */
  readonly env: Readonly<Record<string, string>>;
  /** Structured log sink: one entry per resolver run and per `console.*` call in resolver code. */
  readonly log?: (entry: object) => void;
  /** Upper bound for one handler run. */
  readonly handlerTimeoutMs?: number;
}

interface Step {
  readonly module: ResolverModule;
  readonly dataSource: DataSourceRuntime;
}

interface LoadedResolver {
  readonly spec: ResolverSpec;
  readonly module: ResolverModule;
  /** Unit resolvers have a data source; pipeline resolvers have functions. */
  readonly dataSource?: DataSourceRuntime;
  readonly functions?: readonly Step[];
}

/** The end of a field: a value, or an error that nulls it. */
type Ending =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: AppSyncError };

/** Outcome of one handler: what it returned, or how it stopped. */
type HandlerResult =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'earlyReturn'; readonly value: unknown; readonly skipTo: 'END' | 'NEXT' | undefined }
  | { readonly kind: 'error'; readonly error: AppSyncError };

/** The engine, with a way to pick up rebuilt bundles while it serves. */
export interface ReloadableResolverEngine extends ResolverEngine {
  /**
   * Loads every bundle again from `bundlesDir` and swaps them in at once; fields already
   * running finish on the bundles they started with. If any bundle cannot be used, throws as
   * creation does and keeps serving the bundles it had.
   */
  reload(): void;
}

/** Loads and checks every bundle the specs name; all failures are reported together. */
function loadResolvers(options: ResolverEngineOptions): Map<string, LoadedResolver> {
  const loadOptions = {
    timeoutMs: options.handlerTimeoutMs,
    log: options.log ? (entry: object) => options.log?.({ event: 'resolver-console', ...entry }) : undefined,
  };
  const failures: Error[] = [];
  const load = (file: string): ResolverModule | undefined => {
    try {
      const module = loadResolverModule(file, loadOptions);
      if (!module.has('request') || !module.has('response')) {
        throw new ResolverLoadError(`${file} must export both \`request\` and \`response\` functions`);
      }
      return module;
    } catch (error) {
      failures.push(error as Error);
      return undefined;
    }
  };
  const dataSourceNamed = (name: string | undefined, owner: string): DataSourceRuntime | undefined => {
    const dataSource = name === undefined ? undefined : options.dataSources[name];
    if (!dataSource)
      failures.push(
        new ResolverLoadError(`${owner} uses data source "${String(name)}", which is not configured`),
      );
    return dataSource;
  };

  const functions = new Map<string, Step>();
  for (const spec of options.pipelineFunctions) {
    const module = load(join(options.bundlesDir, 'functions', `${spec.name}.js`));
    const dataSource = dataSourceNamed(spec.dataSource, `pipeline function ${spec.name}`);
    if (module && dataSource) functions.set(spec.name, { module, dataSource });
  }

  const resolvers = new Map<string, LoadedResolver>();
  for (const spec of options.resolvers) {
    const name = `${spec.typeName}.${spec.fieldName}`;
    const module = load(join(options.bundlesDir, `${name}.js`));
    if (spec.pipeline) {
      const steps = spec.pipeline.map((functionName) => {
        const step = functions.get(functionName);
        if (!step && options.pipelineFunctions.every((fn) => fn.name !== functionName)) {
          failures.push(
            new ResolverLoadError(`resolver ${name} lists unknown pipeline function "${functionName}"`),
          );
        }
        return step;
      });
      if (module && steps.every(Boolean)) resolvers.set(name, { spec, module, functions: steps as Step[] });
    } else {
      const dataSource = dataSourceNamed(spec.dataSource, `resolver ${name}`);
      if (module && dataSource) resolvers.set(name, { spec, module, dataSource });
    }
  }

  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new ResolverLoadError(
      `${failures.length} resolver bundles cannot be used:\n${failures.map((failure) => failure.message).join('\n')}`,
      {
        cause: failures,
      },
    );
  }
  return resolvers;
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

/** The mutable state one field resolution carries between handlers. */
class FieldRun {
  readonly scope: InvocationScope;
  stash: unknown = {};

  constructor(
    readonly invocation: FieldInvocation,
    private readonly env: Readonly<Record<string, string>>,
  ) {
    this.scope = createInvocationScope(invocation.identity, invocation.info);
  }

  handler(
    module: ResolverModule,
    handler: HandlerName,
    extra: { prev?: { result: unknown }; result?: unknown; error?: DataSourceError },
  ): HandlerResult {
    const ctx = {
      arguments: this.invocation.arguments,
      identity: this.invocation.identity,
      source: this.invocation.source,
      info: this.invocation.info,
      request: this.invocation.request,
      env: this.env,
      stash: this.stash,
      ...extra,
    };
    const outcome = module.call(handler, JSON.stringify(ctx), this.scope);
    if (outcome.stash !== undefined) this.stash = outcome.stash;
    if (outcome.kind === 'returned') return { kind: 'returned', value: outcome.value };
    if (outcome.kind === 'halted') return fromHalt(this.scope.halt as HandlerHalt);
    return { kind: 'error', error: runtimeError(module, outcome.error) };
  }

  async callDataSource(dataSource: DataSourceRuntime, request: unknown, prev: { result: unknown } | null) {
    const context: DataSourceCallContext = {
      arguments: this.invocation.arguments,
      identity: this.invocation.identity,
      source: this.invocation.source,
      request: this.invocation.request,
      info: this.invocation.info,
      prev,
      stash: this.stash as Record<string, unknown>,
    };
    try {
      return { kind: 'called' as const, outcome: await dataSource.invoke(request, context) };
    } catch (error) {
      if (error instanceof DataSourceRequestError) {
        return {
          kind: 'error' as const,
          error: { message: error.message, errorType: error.type, data: null, errorInfo: null },
        };
      }
      throw error;
    }
  }

  finish(ending: Ending): FieldOutcome {
    const errors = [...this.scope.appendedErrors, ...(ending.kind === 'error' ? [ending.error] : [])];
    const extensions = {
      ...(this.scope.subscriptionFilter !== undefined
        ? { subscriptionFilter: this.scope.subscriptionFilter }
        : {}),
      ...(this.scope.subscriptionInvalidationFilter !== undefined
        ? { subscriptionInvalidationFilter: this.scope.subscriptionInvalidationFilter }
        : {}),
      ...(this.scope.invalidations.length > 0
        ? { invalidateSubscriptions: [...this.scope.invalidations] }
        : {}),
    };
    return {
      data: ending.kind === 'value' ? ending.value : null,
      errors,
      extensions,
      ...(Object.keys(this.scope.responseHeaders).length > 0
        ? { responseHeaders: { ...this.scope.responseHeaders } }
        : {}),
    };
  }
}

function fromHalt(halt: HandlerHalt): HandlerResult {
  return halt.kind === 'error'
    ? { kind: 'error', error: halt.error }
    : { kind: 'earlyReturn', value: halt.value, skipTo: halt.skipTo };
}

async function runResolver(
  resolver: LoadedResolver,
  invocation: FieldInvocation,
  env: Readonly<Record<string, string>>,
): Promise<FieldOutcome> {
  const run = new FieldRun(invocation, env);
  return run.finish(
    resolver.functions
      ? await runPipeline(run, resolver.module, resolver.functions)
      : await runUnit(run, resolver),
  );
}

async function runUnit(run: FieldRun, resolver: LoadedResolver): Promise<Ending> {
  const request = run.handler(resolver.module, 'request', {});
  if (request.kind === 'error') return request;
  if (request.kind === 'earlyReturn') return { kind: 'value', value: request.value };
  const call = await run.callDataSource(resolver.dataSource as DataSourceRuntime, request.value, null);
  if (call.kind === 'error') return call;
  const response = run.handler(resolver.module, 'response', {
    result: call.outcome.result,
    ...(call.outcome.error ? { error: call.outcome.error } : {}),
  });
  return response.kind === 'error' ? response : { kind: 'value', value: response.value };
}

async function runPipeline(
  run: FieldRun,
  resolverModule: ResolverModule,
  steps: readonly Step[],
): Promise<Ending> {
  const before = run.handler(resolverModule, 'request', {});
  if (before.kind === 'error') return before;
  let previous = before.value;
  if (before.kind !== 'earlyReturn') {
    for (const step of steps) {
      const request = run.handler(step.module, 'request', { prev: { result: previous } });
      if (request.kind === 'error') return request;
      if (request.kind === 'earlyReturn') {
        previous = request.value;
        if (request.skipTo === 'END') break;
        continue;
      }
      const call = await run.callDataSource(step.dataSource, request.value, { result: previous });
      if (call.kind === 'error') return call;
      const response = run.handler(step.module, 'response', {
        prev: { result: previous },
        result: call.outcome.result,
        ...(call.outcome.error ? { error: call.outcome.error } : {}),
      });
      if (response.kind === 'error') return response;
      previous = response.value;
      if (response.kind === 'earlyReturn' && response.skipTo === 'END') break;
    }
  }
  const after = run.handler(resolverModule, 'response', { prev: { result: previous }, result: previous });
  return after.kind === 'error' ? after : { kind: 'value', value: after.value };
}
