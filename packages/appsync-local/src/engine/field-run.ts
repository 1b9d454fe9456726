/**
 * One field resolved as AppSync resolves it: a unit resolver's request handler, data source and
 * response handler; a pipeline's "before", each function in order and "after", with a shared
 * stash, `ctx.prev.result`, `runtime.earlyReturn` and `util.error` ending the field.
 */
import type { DataSourceCallContext, DataSourceError, DataSourceRuntime } from './datasources/data-source.ts';
import { DataSourceRequestError } from './errors.ts';
import { createInvocationScope, type HandlerHalt, type InvocationScope } from './invocation-scope.ts';
import { runtimeError, type HandlerName, type ResolverModule } from './module-loader.ts';
import type { LoadedResolver, Step } from './resolver-loading.ts';
import type { AppSyncError, FieldInvocation, FieldOutcome } from './types.ts';

/** The end of a field: a value, or an error that nulls it. */
type Ending =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'error'; readonly error: AppSyncError };

/** Outcome of one handler: what it returned, or how it stopped. */
type HandlerResult =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'earlyReturn'; readonly value: unknown; readonly skipTo: 'END' | 'NEXT' | undefined }
  | { readonly kind: 'error'; readonly error: AppSyncError };

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

export async function runResolver(
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
