/**
 * What the engine hands a data source and gets back. A data source turns the request object a
 * handler returned into a call, and answers with `ctx.result` and, on failure, `ctx.error`.
 */
import type { AppSyncIdentity, AppSyncInfo } from '../types.ts';

/** The parts of `ctx` a data source may need (the Lambda event is built from them). */
export interface DataSourceCallContext {
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly identity: AppSyncIdentity;
  readonly source: Readonly<Record<string, unknown>> | null;
  readonly request: {
    readonly headers: Readonly<Record<string, string>>;
    readonly domainName: string | null;
  };
  readonly info: AppSyncInfo;
  readonly prev: { readonly result: unknown } | null;
  readonly stash: Readonly<Record<string, unknown>>;
}

/** `ctx.error` as AppSync shows it to response handlers. */
export interface DataSourceError {
  readonly message: string;
  readonly type: string;
}

export interface DataSourceOutcome {
  readonly result: unknown;
  readonly error?: DataSourceError;
}

export interface DataSourceRuntime {
  /** `AMAZON_DYNAMODB`, `NONE`, `AWS_LAMBDA`: AppSync's data source types. */
  readonly type: string;
  invoke(request: unknown, context: DataSourceCallContext): Promise<DataSourceOutcome>;
}
