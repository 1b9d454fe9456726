/**
 * When each activity was counted, seen from outside the worker: the IAM gateway's observer sees
 * the worker's transaction that marks an activity processed and moves its totals succeed, and
 * notes the time against the activity's idempotency key (the last part of its key).
 */
import type { GatewayExchange } from '@leaderboard/local/iam/gateway';
import { activitiesTable } from '@leaderboard/core';

interface TransactItem {
  readonly Update?: { readonly TableName?: string; readonly Key?: Record<string, { S?: string }> };
}

export class CountedActivities {
  /** Idempotency key → epoch ms the worker's transaction succeeded. */
  readonly countedAt = new Map<string, number>();

  constructor(private readonly workerArnPart = '/Worker') {}

  readonly observe = (exchange: GatewayExchange): void => {
    if (exchange.operation !== 'TransactWriteItems' || exchange.status !== 200) return;
    if (!exchange.principalArn.endsWith(this.workerArnPart)) return;
    const items = (exchange.request['TransactItems'] ?? []) as TransactItem[];
    const at = Date.now();
    for (const item of items) {
      const pk = item.Update?.TableName === activitiesTable.name ? item.Update.Key?.['pk']?.S : undefined;
      const key = pk?.startsWith('ACT#') ? pk.slice(pk.lastIndexOf('#') + 1) : undefined;
      if (key && !this.countedAt.has(key)) this.countedAt.set(key, at);
    }
  };
}
