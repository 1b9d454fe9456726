/**
 * The replay job's handler: starts a run (or takes the one it is given), replays pages while the
 * invocation has time, and hands the rest to a fresh invocation of itself. A Lambda that continues
 * itself, rather than Step Functions: the job is one loop over pages whose state already lives in
 * the run item (resumable, guarded by condition), so a state machine would add a second place for
 * that state and a service the local stack cannot run; each invocation is bounded by its timeout,
 * and a failed one is retried by Lambda's asynchronous retries from the saved page.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { ReplayRun } from '@leaderboard/core/items/replay-run';
import { OperationError } from './errors.ts';
import { continueReplay, startReplay, type ReplayDependencies } from './replay.ts';

/** What the job is invoked with: nothing to start a run, the run's id to go on with it. */
export interface ReplayJobEvent {
  readonly runId?: string;
  /** Who asked, for the audit trail (an operator's name); default `replay-job`. */
  readonly startedBy?: string;
  readonly reason?: string;
  /** Score the log's activities again by the current catalog before replaying (see core `rescoring.ts`). */
  readonly rescore?: boolean;
}

export class ReplayJobEventError extends OperationError {
  override readonly name = 'ReplayJobEventError';
}

export interface ReplayJobDependencies extends ReplayDependencies {
  readonly logger: Logger;
  /** Invokes this function again, asynchronously, with `event`. */
  readonly continueWith: (event: ReplayJobEvent) => Promise<void>;
  /** Time kept free at the end of an invocation: longer than one page takes. */
  readonly marginMs: number;
}

const optionalText = (value: unknown): value is string | undefined =>
  value === undefined || (typeof value === 'string' && value.length > 0);

export function parseReplayJobEvent(event: unknown): ReplayJobEvent {
  const fields = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const { runId, startedBy, reason, rescore } = fields;
  if (!optionalText(runId) || !optionalText(startedBy) || !optionalText(reason))
    throw new ReplayJobEventError('a replay job event has an optional runId, startedBy and reason, all text');
  if (rescore !== undefined && typeof rescore !== 'boolean')
    throw new ReplayJobEventError('rescore is true or false');
  return {
    ...(runId ? { runId } : {}),
    ...(startedBy ? { startedBy } : {}),
    ...(reason ? { reason } : {}),
    ...(rescore ? { rescore } : {}),
  };
}

export function createReplayJobHandler(deps: ReplayJobDependencies) {
  return async (event: unknown, remainingMs: () => number): Promise<ReplayRun> => {
    const request = parseReplayJobEvent(event);
    const runId =
      request.runId ??
      (
        await startReplay(deps, {
          startedBy: request.startedBy ?? 'replay-job',
          reason: request.reason ?? 'Replay started without a reason.',
          rescore: request.rescore ?? false,
        })
      ).runId;
    const run = await continueReplay(deps, runId, () => remainingMs() > deps.marginMs);
    deps.logger.info('replay invocation ended', { ...run, cursor: undefined, lastUserId: undefined });
    if (run.phase !== 'done') await deps.continueWith({ runId });
    return run;
  };
}
