/**
 * One handler of one bundle against a given context, answered the way AppSync's `EvaluateCode`
 * API answers: the handler's result, the stash after it, appended errors (`outErrors`), the
 * error that ended it, and its console output. For unit-testing a resolver without an engine.
 */
import { createInvocationScope } from './invocation-scope.ts';
import { loadResolverModule, runtimeError, type HandlerName } from './module-loader.ts';
import type { AppSyncError, AppSyncIdentity, AppSyncInfo } from './types.ts';

export interface EvaluateCodeContext {
  readonly arguments?: Readonly<Record<string, unknown>>;
  readonly identity?: AppSyncIdentity;
  readonly source?: Readonly<Record<string, unknown>> | null;
  readonly result?: unknown;
  readonly error?: { readonly message: string; readonly type: string };
  readonly prev?: { readonly result: unknown };
  readonly stash?: Readonly<Record<string, unknown>>;
  readonly info?: Partial<AppSyncInfo>;
  readonly request?: {
    readonly headers?: Readonly<Record<string, string>>;
    readonly domainName?: string | null;
  };
  readonly env?: Readonly<Record<string, string>>;
}

export interface EvaluateCodeOutput {
  /** What the handler returned, or the early-return value. */
  readonly evaluationResult: unknown;
  /** Set when `util.error`/`util.unauthorized` or a runtime error ended the handler. */
  readonly error?: AppSyncError;
  readonly earlyReturn?: { readonly skipTo: 'END' | 'NEXT' | undefined };
  readonly stash: unknown;
  readonly outErrors: readonly AppSyncError[];
  readonly logs: readonly string[];
}

export function evaluateCode(input: {
  file: string;
  handler: HandlerName;
  context?: EvaluateCodeContext;
}): EvaluateCodeOutput {
  const logs: string[] = [];
  const module = loadResolverModule(input.file, {
    log: (entry) => logs.push(`${entry.level.toUpperCase()} ${entry.message}`),
  });
  const context = input.context ?? {};
  const info: AppSyncInfo = {
    fieldName: context.info?.fieldName ?? '',
    parentTypeName: context.info?.parentTypeName ?? '',
    variables: context.info?.variables ?? {},
    selectionSetList: context.info?.selectionSetList ?? [],
    selectionSetGraphQL: context.info?.selectionSetGraphQL ?? '',
  };
  const scope = createInvocationScope(context.identity ?? null, info);
  const ctx = {
    arguments: context.arguments ?? {},
    identity: context.identity ?? null,
    source: context.source ?? null,
    stash: context.stash ?? {},
    info,
    request: { headers: context.request?.headers ?? {}, domainName: context.request?.domainName ?? null },
    env: context.env ?? {},
    ...(context.prev ? { prev: context.prev } : {}),
    ...(context.result !== undefined ? { result: context.result } : {}),
    ...(context.error ? { error: context.error } : {}),
  };
  const outcome = module.call(input.handler, JSON.stringify(ctx), scope);
  const common = { stash: outcome.stash ?? ctx.stash, outErrors: scope.appendedErrors, logs };
  if (outcome.kind === 'returned') return { evaluationResult: outcome.value, ...common };
  if (outcome.kind === 'halted' && scope.halt?.kind === 'earlyReturn') {
    return { evaluationResult: scope.halt.value, earlyReturn: { skipTo: scope.halt.skipTo }, ...common };
  }
  if (outcome.kind === 'halted' && scope.halt?.kind === 'error')
    return { evaluationResult: null, error: scope.halt.error, ...common };
  return {
    evaluationResult: null,
    error: runtimeError(module, outcome.kind === 'threw' ? outcome.error : undefined),
    ...common,
  };
}
