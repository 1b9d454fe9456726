/**
 * One Lambda execution environment: a process of its own, started with exactly the
 * environment the function has in the cloud, that loads the handler module once (the cold
 * start) and then runs one invocation at a time as its parent sends them.
 * Arguments: the handler module's path and its export name.
 */
import type { Context } from 'aws-lambda';
import type { HostReply, InvokeMessage, SerializedError } from './lambda-protocol.ts';

type Handler = (event: unknown, context: Context) => unknown;

const [modulePath, exportName] = process.argv.slice(2);

function send(reply: HostReply): void {
  process.send?.(reply);
}

function serialize(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack ?? '' };
  return { name: 'Error', message: String(error), stack: '' };
}

function contextOf(message: InvokeMessage): Context {
  const { context } = message;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: context.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: context.invokedFunctionArn,
    memoryLimitInMB: String(context.memoryMb),
    awsRequestId: context.awsRequestId,
    logGroupName: `/aws/lambda/${context.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, context.deadlineMs - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function loadHandler(): Promise<Handler> {
  const module = (await import(modulePath!)) as Record<string, unknown>;
  const handler = module[exportName!];
  if (typeof handler !== 'function') {
    throw new TypeError(`${modulePath} has no exported function "${exportName}"`);
  }
  return handler as Handler;
}

// The owner is gone without ending it (it crashed): nothing will invoke this environment again.
process.on('disconnect', () => process.exit(0));

const handler = loadHandler();
handler.then(
  () => send({ type: 'ready' }),
  (error: unknown) => send({ type: 'init-error', error: serialize(error) }),
);

process.on('message', (message: InvokeMessage) => {
  void (async () => {
    try {
      const value = await (await handler)(message.event, contextOf(message));
      send({ type: 'result', id: message.id, ok: true, value: value ?? null });
    } catch (error) {
      send({ type: 'result', id: message.id, ok: false, error: serialize(error) });
    }
  })();
});
