/**
 * What AWS runs between the stack's parts, played locally with each part's own role: the pipe
 * (stream → queue, as the pipe role), the worker's event source mapping (queue → worker, as
 * the worker's role, as Lambda's mapping does) and the rebuild schedule (invoking the
 * rebuilder only if the scheduler role may).
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  activitiesQueue,
  arnOf,
  onFunction,
  rebuildSchedule,
  workerFunction,
  type ArnContext,
} from '@leaderboard/core';
import type { LocalQueuePair } from '../aws/queues.ts';
import { SqsEventSourceMapping, type SqsHandler } from '../emulators/event-source-mapping.ts';
import { everyInterval, parseScheduleExpression } from '../emulators/schedule-expression.ts';
import { LocalScheduler, type ScheduledEvent } from '../emulators/scheduler.ts';
import { StreamPipe } from '../emulators/stream-pipe.ts';
import { AccessDeniedError } from '../iam/errors.ts';
import { PrincipalPolicy } from 'appsync-local/iam';
import type { LocalFunctions } from './functions.ts';
import type { LocalStackOptions } from './options.ts';
import { repeatQuietLog } from './repeat-quiet-log.ts';
import type { RoleIdentity, StackIdentities } from './roles.ts';
import type { Teardown } from './teardown.ts';

export interface EventFlowInputs {
  readonly options: LocalStackOptions;
  readonly queues: LocalQueuePair;
  readonly arns: ArnContext;
  /** The stream ARN as DynamoDB Local names it (its own region and account). */
  readonly localStreamArn: string;
  readonly awsEndpoint: string;
  readonly identities: StackIdentities;
  readonly functions: LocalFunctions;
  readonly log: (line: string) => void;
  readonly verbose: boolean;
}

export interface EventFlow {
  readonly pipe: StreamPipe;
  readonly worker: SqsEventSourceMapping;
  readonly rebuilder: LocalScheduler;
}

function clientConfig(inputs: EventFlowInputs, identity: RoleIdentity) {
  return { region: inputs.arns.region, endpoint: inputs.awsEndpoint, credentials: identity.credentials };
}

async function startPipe(inputs: EventFlowInputs, teardown: Teardown): Promise<StreamPipe> {
  const streams = new DynamoDBStreamsClient(clientConfig(inputs, inputs.identities.pipe));
  const sqs = new SQSClient(clientConfig(inputs, inputs.identities.pipe));
  teardown.add('pipe clients', () => (streams.destroy(), sqs.destroy()));
  const { log, verbose } = inputs;
  const pipe = new StreamPipe({
    streams,
    streamArn: inputs.localStreamArn,
    sqs,
    queueUrl: inputs.queues.queue.url,
    filterPattern: activitiesQueue.source.filterPattern,
    batchSize: activitiesQueue.source.batchSize,
    batchWindowMs: activitiesQueue.source.windowSeconds * 1000,
    startingPosition: inputs.options.streamStartingPosition ?? 'TRIM_HORIZON',
    onError: repeatQuietLog(log, '[pipe]'),
    ...(verbose
      ? { onDelivered: (count: number) => log(`[pipe] sent ${count} record(s) to ${activitiesQueue.name}`) }
      : {}),
  });
  await pipe.start();
  teardown.track('pipe', pipe, (it) => it.stop());
  return pipe;
}

function startWorkerMapping(inputs: EventFlowInputs, teardown: Teardown): SqsEventSourceMapping {
  const sqs = new SQSClient(clientConfig(inputs, inputs.identities.functions[workerFunction.name]!));
  teardown.add('worker mapping client', () => sqs.destroy());
  const worker = inputs.functions.Worker.handler as SqsHandler;
  const { log, verbose } = inputs;
  const mapping = new SqsEventSourceMapping({
    sqs,
    queueUrl: inputs.queues.queue.url,
    queueArn: inputs.queues.queue.arn,
    handler: inputs.options.wrapWorker ? inputs.options.wrapWorker(worker) : worker,
    function: {
      name: workerFunction.name,
      timeoutSeconds: workerFunction.timeoutSeconds,
      memoryMb: workerFunction.memoryMb,
      region: inputs.arns.region,
      accountId: inputs.arns.accountId,
    },
    batchSize: activitiesQueue.batch.size,
    batchWindowMs: activitiesQueue.batch.windowSeconds * 1000,
    reportBatchItemFailures: activitiesQueue.batch.reportBatchItemFailures,
    maximumConcurrency: activitiesQueue.batch.maximumConcurrency,
    onError: repeatQuietLog(log, '[worker]'),
    ...(verbose
      ? {
          onBatch: (outcome: { received: number; succeeded: number; failed: number }) =>
            log(
              `[worker] batch of ${outcome.received}: ${outcome.succeeded} done, ${outcome.failed} to retry`,
            ),
        }
      : {}),
  });
  mapping.start();
  teardown.track('worker', mapping, (it) => it.stop());
  return mapping;
}

/** Invokes the rebuilder as the scheduler role: refused, as Scheduler would be, without `lambda:InvokeFunction` on it. */
function scheduledInvoke(inputs: EventFlowInputs): (event: ScheduledEvent, endBy?: Date) => Promise<unknown> {
  const { scheduler } = inputs.identities;
  const policy = new PrincipalPolicy(
    scheduler.arn,
    scheduler.policy,
    inputs.arns.region,
    inputs.arns.accountId,
  );
  const rebuilder = inputs.functions.RebuilderFunction;
  const check = { action: 'lambda:InvokeFunction', resource: arnOf(onFunction(rebuilder.name), inputs.arns) };
  return async (event, endBy) => {
    const denial = await policy.firstDenial([check], {
      sourceIp: '127.0.0.1',
      userAgent: undefined,
      time: new Date(),
    });
    if (denial) {
      throw new AccessDeniedError({ principalArn: scheduler.arn, ...check, explicit: denial.explicit });
    }
    return rebuilder.invoke(event, undefined, endBy);
  };
}

function startSchedule(inputs: EventFlowInputs, teardown: Teardown): LocalScheduler {
  const { log, verbose, options } = inputs;
  const scheduler = new LocalScheduler({
    name: rebuildSchedule.name,
    schedule: options.rebuildIntervalMs
      ? everyInterval(options.rebuildIntervalMs)
      : parseScheduleExpression(rebuildSchedule.expression),
    region: inputs.arns.region,
    accountId: inputs.arns.accountId,
    target: scheduledInvoke(inputs),
    onError: (error) => log(`[rebuilder] ${(error as Error).message}`),
    ...(verbose
      ? {
          onRun: (ms: number) => log(`[rebuilder] ran in ${ms} ms`),
          onSkip: () => log('[rebuilder] previous run still going: tick skipped'),
        }
      : {}),
  });
  scheduler.start();
  // EventBridge Scheduler starts a rate schedule when it is created; so does the local one.
  void scheduler.runNow();
  // An invocation ticks until the next is due: stopping ends it rather than waiting for it.
  teardown.track('rebuilder schedule', scheduler, (it) =>
    Promise.all([it.stop(), inputs.functions.RebuilderFunction.stop()]).then(() => undefined),
  );
  return scheduler;
}

export async function startEventFlow(inputs: EventFlowInputs, teardown: Teardown): Promise<EventFlow> {
  const pipe = await startPipe(inputs, teardown);
  const worker = startWorkerMapping(inputs, teardown);
  const rebuilder = startSchedule(inputs, teardown);
  return { pipe, worker, rebuilder };
}
