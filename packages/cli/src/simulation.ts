import { randomUUID } from 'node:crypto';
import { activityCatalog, type ActivityDefinition } from '@leaderboard/core';
import { RecordActivityDocument } from '@leaderboard/core/generated/operations';
import { executeGraphQL } from './graphql-client.ts';

export interface SimulatedUser {
  readonly userId: string;
  readonly token: string;
}

/** A running program and the activity types that count there. */
export interface SimulatedProgram {
  readonly id: string;
  readonly activityTypes: readonly string[];
}

export interface SimulationOptions {
  readonly graphqlUrl: string;
  /** The certificate (PEM) to trust when the API serves HTTPS with a self-signed one. */
  readonly certificate?: string;
  readonly users: readonly SimulatedUser[];
  /** Calls per second over all users. */
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /** Running programs activities are recorded for (each is a board); none means the global and time-window boards only. */
  readonly programs: readonly SimulatedProgram[];
  /** Calls in flight at most; later ones wait. */
  readonly maxInFlight?: number;
  readonly random?: () => number;
  readonly onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationProgress {
  readonly planned: number;
  readonly sent: number;
  readonly accepted: number;
  readonly refused: number;
  readonly failed: number;
}

export interface SimulationSummary extends SimulationProgress {
  /** Calls sent again (same idempotency key) after a retryable answer. */
  readonly retries: number;
  /** Refusals by GraphQL `errorType`, e.g. `RateLimited`. */
  readonly refusedByType: Readonly<Record<string, number>>;
  /** Failures (transport errors, internal errors) by message. */
  readonly failures: Readonly<Record<string, number>>;
  /** Points the server granted per user, from the accepted calls' results. */
  readonly pointsByUser: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
}

/** GraphQL error types that mean the service answered "no" on purpose (refused), not that it broke (failed). */
const refusalTypes = new Set([
  'ValidationError',
  'RateLimited',
  'Unauthorized',
  'UnauthorizedException',
  'NotFound',
  'ConcurrentModification',
]);
/** Answers the API asks the client to retry with the same idempotency key, as a real client does. */
const retryableTypes = new Set(['ConcurrentModification']);
const maxAttempts = 4;

/**
 * A plausible activity: a type from the catalog, a quantity within its per-activity limit, and a
 * program that counts the type, when one does.
 */
function randomActivity(random: () => number, programs: readonly SimulatedProgram[]) {
  const definition = activityCatalog[Math.floor(random() * activityCatalog.length)] as ActivityDefinition;
  const quantity = Math.max(
    1,
    Math.round(random() * Math.min(definition.maxQuantityPerActivity, definition.per * 40)),
  );
  const counting = programs.filter((program) => program.activityTypes.includes(definition.type));
  const programId = counting.length > 0 ? counting[Math.floor(random() * counting.length)]?.id : undefined;
  return {
    idempotencyKey: randomUUID(),
    type: definition.type,
    quantity,
    ...(programId ? { programId } : {}),
  };
}

const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0);

/**
 * Records activities for many users through the GraphQL API at a steady rate, each call
 * with its user's token, and sorts the answers into accepted, refused and failed.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  if (options.users.length === 0) throw new RangeError('a simulation needs at least one user');
  const random = options.random ?? Math.random;
  const planned = Math.max(1, Math.round((options.ratePerSecond * options.durationMs) / 1000));
  const intervalMs = 1000 / options.ratePerSecond;
  const maxInFlight = options.maxInFlight ?? 64;
  const progress = { planned, sent: 0, accepted: 0, refused: 0, failed: 0 };
  const refusedByType: Record<string, number> = {};
  const failures: Record<string, number> = {};
  const pointsByUser: Record<string, number> = {};
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();

  let retries = 0;
  const call = async (user: SimulatedUser): Promise<void> => {
    const callStarted = performance.now();
    const input = randomActivity(random, options.programs);
    const record = () =>
      executeGraphQL(
        options.graphqlUrl,
        RecordActivityDocument,
        { input },
        { authorization: user.token },
        options.certificate,
      );
    let outcome = await record();
    for (let attempt = 2; attempt <= maxAttempts; attempt += 1) {
      if (
        outcome.kind !== 'errors' ||
        !outcome.errors.every((error) => retryableTypes.has(error.errorType ?? ''))
      )
        break;
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + random() * 40));
      outcome = await record();
    }
    latencies.push(performance.now() - callStarted);
    if (outcome.kind === 'data') {
      progress.accepted += 1;
      pointsByUser[user.userId] = (pointsByUser[user.userId] ?? 0) + outcome.data.recordActivity.points;
    } else if (
      outcome.kind === 'errors' &&
      outcome.errors.every((error) => refusalTypes.has(error.errorType ?? ''))
    ) {
      progress.refused += 1;
      const type = outcome.errors[0]?.errorType ?? 'Unknown';
      refusedByType[type] = (refusedByType[type] ?? 0) + 1;
    } else {
      progress.failed += 1;
      const reason =
        outcome.kind === 'failure'
          ? outcome.message
          : outcome.errors.map((error) => `${error.errorType ?? 'Error'}: ${error.message}`).join('; ');
      failures[reason] = (failures[reason] ?? 0) + 1;
    }
    options.onProgress?.({ ...progress });
  };

  for (let index = 0; index < planned; index += 1) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const user = options.users[index % options.users.length] as SimulatedUser;
    const pending = call(user).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    progress.sent += 1;
  }
  await Promise.all(inFlight);
  const sorted = [...latencies].sort((left, right) => left - right);
  return {
    ...progress,
    retries,
    refusedByType,
    failures,
    pointsByUser,
    elapsedMs: performance.now() - started,
    latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? 0 },
  };
}
