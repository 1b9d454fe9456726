/** Lambda functions, described once: handler entry points and their limits. */
export interface FunctionSpec {
  readonly name: string;
  /** Relative to the repository root, as SST expects: `<file without extension>.<export>`. */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
}

export const workerFunction = {
  name: 'Worker',
  handler: 'packages/functions/src/worker.handler',
  timeoutSeconds: 30,
  memoryMb: 512,
} as const satisfies FunctionSpec;

export const rebuilderFunction = {
  name: 'RebuilderFunction',
  handler: 'packages/functions/src/rebuilder.handler',
  timeoutSeconds: 50,
  memoryMb: 1024,
} as const satisfies FunctionSpec;

export const authorizerFunction = {
  name: 'Authorizer',
  handler: 'packages/functions/src/authorizer.handler',
  timeoutSeconds: 10,
  memoryMb: 256,
} as const satisfies FunctionSpec;
