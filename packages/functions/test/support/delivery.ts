/** Plays SQS in front of worker instances: shuffled batches, concurrent instances, redelivery of failures. */
import type { SQSRecord } from 'aws-lambda';
import { chunks, lambdaContext, shuffled, sqsEvent, sqsRecord } from './activities.ts';
import type { testWorker } from './worker.ts';

export type BatchHandler = (records: SQSRecord[]) => Promise<string[]>;

const context = lambdaContext('worker');

/** A worker instance as SQS sees it: a batch in, the ids of the failed messages out. */
export const asBatchHandler =
  (handler: ReturnType<typeof testWorker>['handler']): BatchHandler =>
  async (records) =>
    (await handler(sqsEvent(records), context)).batchItemFailures.map((failure) => failure.itemIdentifier);

/**
 * Delivers every message in batches of 10 in a shuffled order (seeded, so a failing order can be
 * replayed), the instances taking batches concurrently as Lambda scales out on one queue, and
 * redelivers the failed ones until none fail. Returns the rounds it took; throws after 9.
 */
export async function deliverUntilDone(
  handlers: readonly BatchHandler[],
  bodies: readonly string[],
  seed: number,
): Promise<number> {
  let pending = [...bodies];
  let rounds = 0;
  while (pending.length > 0) {
    rounds += 1;
    if (rounds >= 10) throw new Error(`${pending.length} messages still failing after 9 rounds`);
    const batches = chunks(shuffled(pending, seed + rounds), 10).map((batch) => batch.map(sqsRecord));
    const failedBodies: string[] = [];
    for (const wave of chunks(batches, handlers.length)) {
      const results = await Promise.all(wave.map((batch, index) => handlers[index]!(batch)));
      wave.forEach((batch, index) => {
        const failed = new Set(results[index]);
        for (const record of batch) if (failed.has(record.messageId)) failedBodies.push(record.body);
      });
    }
    pending = failedBodies;
  }
  return rounds;
}
