/**
 * The one typed configuration of the service. Infrastructure, Lambdas, resolvers (through
 * AppSync environment variables) and the local runtime all read these values.
 */
export interface ServiceConfig {
  /** Score GSI partitions per board: the rebuilder reads `scoreShards x topN` items at most. */
  readonly scoreShards: number;
  /** Entries kept in a published snapshot. */
  readonly topN: number;
  /** Upper bound for `topN` and for `leaderboard(limit)`: keeps a snapshot far below 400 KB / 240 KB. */
  readonly maxTopN: number;
  /** Default `leaderboard(limit)` when the caller gives none. */
  readonly defaultLimit: number;
  /** Activities one user may record per UTC minute. */
  readonly rateLimitPerMinute: number;
  /**
   * Most activities one `recordActivities` call takes. Its one transaction puts each activity and
   * moves the rate counter and a daily counter per day and type: well within DynamoDB's 100 items,
   * and within `rateLimitPerMinute`, so a full call can pass the rate limit.
   */
  readonly maxActivitiesPerCall: number;
  /** How long a rate counter item lives after its minute (DynamoDB TTL). */
  readonly rateCounterTtlSeconds: number;
  /** `occurredAt` may be at most this far in the past. */
  readonly maxActivityAgeDays: number;
  /** Clock skew tolerated for `occurredAt` in the future. */
  readonly maxClockSkewSeconds: number;
  /** Longest accepted idempotency key, program id or other free-text input. */
  readonly maxStringLength: number;
  /** The authorizer's cache lifetime for one token (AppSync `ttlOverride`). */
  readonly authorizerTtlSeconds: number;
  /** How long a "board changed in minute m" mark lives (DynamoDB TTL); far longer than a rebuild period. */
  readonly boardChangeTtlSeconds: number;
  /** The rebuilder re-reads change marks from this long before its previous start: tolerates clock skew between Lambdas. */
  readonly rebuildOverlapSeconds: number;
  /** With no previous run on record, the rebuilder looks this far back for changed boards. */
  readonly rebuildInitialLookbackMinutes: number;
  /** Attempts the worker makes when another worker updated the same user's totals at the same time. */
  readonly workerConflictAttempts: number;
  /** Largest snapshot entries payload (JSON bytes): under AppSync's 240 KB subscription payload and DynamoDB's 400 KB item limits whatever the names. */
  readonly maxSnapshotBytes: number;
  /**
   * AppSync `queryDepthLimit` (1-75; 0 = none): the deepest operation is 4 levels
   * (`leaderboard { teams { byPoints { rank } } }`); anything far deeper is an attack, not a client.
   */
  readonly queryDepthLimit: number;
  /**
   * AppSync `resolverCountLimit` (1-10000): a dashboard asks for a few boards and standings in one
   * request; each resolver is a DynamoDB read, so 1,000 aliases would be 1,000 reads.
   */
  readonly resolverCountLimit: number;
  /** The token claim the authorizer reads a user's team from (a Cognito custom attribute); an admin's assignment overrides it. */
  readonly teamClaim: string;
  /** Longest team id: letters, digits, `-` and `_`, like program ids. */
  readonly maxTeamIdLength: number;
  /**
   * myStanding: index items read per shard to place the caller among the users of their own score
   * bucket. Past it the place is interpolated and the rank says it is an estimate.
   */
  readonly standingItemsPerShard: number;
  /** Most entries `myStanding(around:)` gives on each side of the caller. */
  readonly maxAround: number;
  /**
   * Programs that may ever exist (ended ones included): `programs` reads them all in one Query
   * page (1 MB), so this times the largest program item must stay well under it.
   */
  readonly maxPrograms: number;
  readonly maxProgramNameLength: number;
  readonly maxProgramDescriptionLength: number;
  /** Largest `pointsGoal` a program may set. */
  readonly maxPointsGoal: number;
  /** `myActivities(limit)` when the caller gives none, and its largest accepted value. */
  readonly defaultHistoryLimit: number;
  readonly maxHistoryLimit: number;
  /** Longest reason an admin gives for an operator's action (kept in the audit trail). */
  readonly maxReasonLength: number;
  /** `auditLog(limit)` when the caller gives none, and its largest accepted value. */
  readonly defaultAuditLimit: number;
  readonly maxAuditLimit: number;
  /**
   * How far behind its table the `byUser` index may be (it is eventually consistent): a user's
   * aggregates are recomputed from their history only once their latest counted activity is older.
   */
  readonly historyIndexLagSeconds: number;
  /** Attempts at recomputing one user's aggregates while the worker keeps moving them. */
  readonly recomputeAttempts: number;
  /** Index items one replay page reads: a page's work stays bounded whatever the log holds. */
  readonly replayPageItems: number;
  /** Users of one replay page recomputed at once. */
  readonly replayConcurrency: number;
  /** Time one `eraseUser` call spends before it answers with a `nextToken` (AppSync gives a request 30 s). */
  readonly eraseCallBudgetSeconds: number;
}

export const serviceConfig: ServiceConfig = {
  scoreShards: 8,
  topN: 100,
  maxTopN: 1000,
  defaultLimit: 25,
  rateLimitPerMinute: 30,
  maxActivitiesPerCall: 25,
  rateCounterTtlSeconds: 180,
  maxActivityAgeDays: 7,
  maxClockSkewSeconds: 300,
  maxStringLength: 128,
  authorizerTtlSeconds: 60,
  boardChangeTtlSeconds: 86_400,
  rebuildOverlapSeconds: 60,
  rebuildInitialLookbackMinutes: 120,
  workerConflictAttempts: 12,
  maxSnapshotBytes: 200_000,
  queryDepthLimit: 5,
  resolverCountLimit: 25,
  teamClaim: 'custom:team',
  maxTeamIdLength: 64,
  standingItemsPerShard: 100,
  maxAround: 10,
  maxPrograms: 200,
  maxProgramNameLength: 100,
  maxProgramDescriptionLength: 500,
  maxPointsGoal: 1_000_000_000,
  defaultHistoryLimit: 20,
  maxHistoryLimit: 100,
  maxReasonLength: 500,
  defaultAuditLimit: 20,
  maxAuditLimit: 100,
  historyIndexLagSeconds: 2,
  recomputeAttempts: 8,
  replayPageItems: 200,
  replayConcurrency: 8,
  eraseCallBudgetSeconds: 15,
};
