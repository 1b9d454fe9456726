import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LambdaFunctionIdentity {
  readonly name: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly region: string;
  readonly accountId: string;
}

/** The `context` argument Lambda gives a handler, for one invocation starting now. */
export function lambdaContext(fn: LambdaFunctionIdentity): Context {
  const deadline = Date.now() + fn.timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${fn.region}:${fn.accountId}:function:${fn.name}`,
    memoryLimitInMB: String(fn.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Thrown when a handler runs past its function's timeout. */
export class LambdaTimeoutError extends Error {
  override readonly name = 'LambdaTimeoutError';
}

/** Invokes a handler as Lambda would: with a context, failing after the function's timeout. */
export async function invokeHandler<Event, Result>(
  handler: (event: Event, context: Context) => Promise<Result> | Result,
  event: Event,
  fn: LambdaFunctionIdentity,
): Promise<Result> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LambdaTimeoutError(`${fn.name} timed out after ${fn.timeoutSeconds} s`)),
      fn.timeoutSeconds * 1000,
    );
  });
  try {
    return await Promise.race([Promise.resolve(handler(event, lambdaContext(fn))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
