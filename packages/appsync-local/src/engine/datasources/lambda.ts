/**
 * The AWS_LAMBDA data source, calling a local handler in-process. `Invoke` passes the
 * request's `payload` or, without one, the event AppSync builds from `ctx`; `BatchInvoke`
 * passes a list of payloads (the batching AppSync does across list fields is not emulated).
 */
import type { DataSourceRuntime } from './data-source.ts';

export type LambdaHandler = (event: unknown) => Promise<unknown>;

export function createLambdaDataSource(handler: LambdaHandler): DataSourceRuntime {
  return {
    type: 'AWS_LAMBDA',
    async invoke(request, context) {
      const body = (typeof request === 'object' && request !== null ? request : {}) as {
        operation?: unknown;
        payload?: unknown;
        invocationType?: unknown;
      };
      if (body.operation !== 'Invoke' && body.operation !== 'BatchInvoke') {
        return {
          result: null,
          error: {
            message: `Unsupported operation '${String(body.operation)}'`,
            type: 'Lambda:InvalidRequest',
          },
        };
      }
      const event =
        'payload' in body
          ? body.payload
          : body.operation === 'BatchInvoke'
            ? [contextEvent(context)]
            : contextEvent(context);
      try {
        const invocation = handler(event);
        if (body.invocationType === 'Event') {
          invocation.catch(() => undefined);
          return { result: null };
        }
        return { result: (await invocation) ?? null };
      } catch (error) {
        const failure = error as { name?: string; message?: string };
        return {
          result: null,
          error: { message: failure.message ?? String(error), type: 'Lambda:Unhandled' },
        };
      }
    },
  };
}

function contextEvent(context: Parameters<DataSourceRuntime['invoke']>[1]): unknown {
  return {
    arguments: context.arguments,
    identity: context.identity,
    source: context.source,
    request: context.request,
    info: context.info,
    prev: context.prev,
    stash: context.stash,
  };
}
