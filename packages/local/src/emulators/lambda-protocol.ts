/** Messages between a local function and its execution environments (`lambda-host.ts`). */
export interface InvokeMessage {
  readonly type: 'invoke';
  readonly id: number;
  readonly event: unknown;
  readonly context: {
    readonly functionName: string;
    readonly invokedFunctionArn: string;
    readonly memoryMb: number;
    readonly awsRequestId: string;
    readonly deadlineMs: number;
  };
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
}

export type HostReply =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly error: SerializedError }
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: SerializedError };
