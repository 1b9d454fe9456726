/**
 * DynamoDB tables, described once. `infra/storage.ts` turns these into `sst.aws.Dynamo`
 * components and the local runtime into `CreateTable` calls on DynamoDB Local, so the two
 * cannot drift. Field and index names are the ones the resolvers and Lambdas use.
 */
export type AttributeType = 'string' | 'number' | 'binary';

export interface IndexSpec {
  readonly hashKey: string;
  readonly rangeKey?: string;
  /** Every attribute, the keys only, or the keys and the attributes named. */
  readonly projection: 'all' | 'keys-only' | readonly string[];
}

export interface TableSpec {
  /** Logical name: the SST component name and the linked resource name (`Resource.<name>`). */
  readonly name: string;
  /** Only the attributes used by a key or an index. */
  readonly fields: Readonly<Record<string, AttributeType>>;
  readonly primaryIndex: { readonly hashKey: string; readonly rangeKey?: string };
  readonly globalIndexes: Readonly<Record<string, IndexSpec>>;
  readonly stream?: 'new-image' | 'keys-only' | 'old-image' | 'new-and-old-images';
  /** Attribute holding an epoch-seconds expiry. */
  readonly ttl?: string;
}

/**
 * Activities: one item per recorded activity (`pk = ACT#<userId>#<key>`), plus short-lived
 * per-user counters: activities per minute (`RATE#...`) and points per day and type
 * (`DAY#...`). The stream carries the new image of each insert; the pipe keeps activity
 * inserts only. `byUser` holds activities only (counters have no `userId`): a user's history,
 * newest `occurredAt` first, one partition per user. It projects what a history page shows and
 * leaves out what the worker sets (`processedAt`, `countedForProgram`): marking an activity
 * processed then writes the table alone, not the index too (readers that need those read the
 * table by key).
 */
export const activitiesTable = {
  name: 'Activities',
  fields: { pk: 'string', userId: 'string', occurredAt: 'string' },
  primaryIndex: { hashKey: 'pk' },
  globalIndexes: {
    byUser: {
      hashKey: 'userId',
      rangeKey: 'occurredAt',
      projection: [
        'kind',
        'id',
        'displayName',
        'type',
        'quantity',
        'points',
        'basePoints',
        'programId',
        'teamId',
        'recordedAt',
        'idempotencyKey',
        'reversedAt',
        'reversedBy',
        'reversalReason',
      ],
    },
  },
  stream: 'new-image',
  ttl: 'expiresAt',
} as const satisfies TableSpec;

/**
 * Scores: per-user aggregates (totals per board, progress per program), board snapshots
 * and the short-lived board change marks the rebuilder reads (see core `keys.ts`). `byScore` is keyed by board and shard (`<boardId>#<shard>`) so no
 * index partition takes every write, and sorted by `rankKey`, which encodes the ranking
 * order (score desc, reachedAt asc).
 */
export const scoresTable = {
  name: 'Scores',
  fields: { pk: 'string', sk: 'string', shardKey: 'string', rankKey: 'string' },
  primaryIndex: { hashKey: 'pk', rangeKey: 'sk' },
  globalIndexes: {
    byScore: { hashKey: 'shardKey', rangeKey: 'rankKey', projection: 'all' },
  },
  // Board change marks expire; totals, progress and snapshots carry no `expiresAt`.
  ttl: 'expiresAt',
} as const satisfies TableSpec;

export const tables = [activitiesTable, scoresTable] as const;
