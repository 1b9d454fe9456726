/**
 * Lambda functions, described once: handler entry points, limits, the resources each links
 * (what `Resource.<Name>` holds at run time, and nothing else) and the grants its role gets.
 * Linking gives a function a resource's name or URL only; what it may do there is its grants,
 * narrowed to the calls its code makes.
 */
import { onApiField, onFunction, onIndex, onTable, type Grant } from './access.ts';
import { rebuildCadence, rebuildSchedule } from './schedules.ts';
import { activitiesTable, scoresTable } from './tables.ts';

/** Resources a function can link, by their SST component name. */
export const linkableResources = {
  Activities: { kind: 'table' },
  Scores: { kind: 'table' },
  Api: { kind: 'api' },
} as const;

export type LinkName = keyof typeof linkableResources;

export interface FunctionSpec {
  readonly name: string;
  /** Relative to the repository root, as SST expects: `<file without extension>.<export>`. */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly links: readonly LinkName[];
  readonly grants: readonly Grant[];
  /** Settings the function reads from its environment, the same in the cloud and locally. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * What recomputing a user's aggregates from their history takes (a reversal in the worker, an
 * erasure, a replay): their activities from the history index, read again by key (the index is
 * eventually consistent); their items and the programs (Query, GetItem); totals and progress put
 * or deleted, counters moved and boards marked changed, in transactions.
 */
const operationsGrants: readonly Grant[] = [
  { actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'], resources: [onTable(activitiesTable.name)] },
  { actions: ['dynamodb:Query'], resources: [onIndex(activitiesTable.name, 'byUser')] },
  {
    actions: [
      'dynamodb:Query',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ],
    resources: [onTable(scoresTable.name)],
  },
];

export const workerFunction = {
  name: 'Worker',
  handler: 'packages/functions/src/worker.handler',
  timeoutSeconds: 30,
  memoryMb: 512,
  links: ['Activities', 'Scores'],
  grants: [
    // Marks the activity processed inside the aggregation transaction.
    { actions: ['dynamodb:UpdateItem'], resources: [onTable(activitiesTable.name)] },
    // A reversal: reads it and the user's activities (consistently, by key), finds them in the
    // user's history, then recomputes the user's totals (see operationsGrants).
    ...operationsGrants,
    // Reads the user's totals, the program and the progress, moves them in the transaction,
    // writes board change marks.
    {
      actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem'],
      resources: [onTable(scoresTable.name)],
    },
  ],
} as const satisfies FunctionSpec;

export const rebuilderFunction = {
  name: 'RebuilderFunction',
  handler: 'packages/functions/src/rebuilder.handler',
  // One invocation ticks until the next is due (rebuildCadence): its timeout covers the period.
  timeoutSeconds: rebuildSchedule.periodSeconds,
  memoryMb: 1024,
  links: ['Scores', 'Api'],
  grants: [
    // Change marks and the cursor (table), the top of each shard (index), snapshots (table).
    {
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      resources: [onTable(scoresTable.name)],
    },
    { actions: ['dynamodb:Query'], resources: [onIndex(scoresTable.name, 'byScore')] },
    // Exactly one field of the API: the IAM-only publish mutation.
    { actions: ['appsync:GraphQL'], resources: [onApiField('Mutation', 'publishLeaderboard')] },
  ],
  environment: {
    REBUILD_PERIOD_SECONDS: String(rebuildSchedule.periodSeconds),
    REBUILD_TICK_SECONDS: String(rebuildCadence.tickSeconds),
  },
} as const satisfies FunctionSpec;

/** myStanding's rank and neighbours on the live totals (the API's `standing` data source). */
export const standingFunction = {
  name: 'StandingReader',
  handler: 'packages/functions/src/standing.handler',
  timeoutSeconds: 10,
  memoryMb: 512,
  links: ['Scores'],
  grants: [
    // The score histograms of every shard, and the totals of users disqualified on the board (BatchGetItem).
    { actions: ['dynamodb:BatchGetItem'], resources: [onTable(scoresTable.name)] },
    // The disqualifications (one partition of the table); the caller's place in each shard, and the entries around them.
    {
      actions: ['dynamodb:Query'],
      resources: [onTable(scoresTable.name), onIndex(scoresTable.name, 'byScore')],
    },
  ],
} as const satisfies FunctionSpec;

/**
 * `eraseUser` (the API's `eraser` data source): one bounded batch of a user's erasure per call.
 * Besides recomputing, it deletes the user's activities, reversals and counters in batches,
 * their items, disqualifications and pointers, and redacts the audit entries about them.
 */
export const eraserFunction = {
  name: 'UserEraser',
  handler: 'packages/functions/src/eraser.handler',
  // AppSync waits 30 s for a data source; a call stops taking new work well before.
  timeoutSeconds: 30,
  memoryMb: 512,
  links: ['Activities', 'Scores'],
  grants: [
    ...operationsGrants,
    { actions: ['dynamodb:BatchWriteItem'], resources: [onTable(activitiesTable.name)] },
    { actions: ['dynamodb:BatchWriteItem'], resources: [onTable(scoresTable.name)] },
  ],
} as const satisfies FunctionSpec;

/**
 * The replay job: rebuilds every aggregate from the Activities log, page by page, and invokes
 * itself to go on before its timeout (see `packages/functions/src/operations/replay-job.ts` for why not Step
 * Functions). Besides recomputing, it scans the history index and the Scores table for users,
 * and when rescoring writes new points to the log.
 */
const replayFunctionName = 'Replay';

export const replayFunction = {
  name: replayFunctionName,
  handler: 'packages/functions/src/replay.handler',
  timeoutSeconds: 900,
  memoryMb: 1024,
  links: ['Activities', 'Scores'],
  grants: [
    ...operationsGrants,
    { actions: ['dynamodb:Scan'], resources: [onIndex(activitiesTable.name, 'byUser')] },
    { actions: ['dynamodb:Scan'], resources: [onTable(scoresTable.name)] },
    // Rescoring writes an activity's new points, and its day's counter.
    { actions: ['dynamodb:UpdateItem'], resources: [onTable(activitiesTable.name)] },
    { actions: ['lambda:InvokeFunction'], resources: [onFunction(replayFunctionName)] },
  ],
} as const satisfies FunctionSpec;

export const authorizerFunction = {
  name: 'Authorizer',
  handler: 'packages/functions/src/authorizer.handler',
  timeoutSeconds: 10,
  memoryMb: 256,
  // It verifies JWTs against public keys and calls no AWS API.
  links: [],
  grants: [],
} as const satisfies FunctionSpec;

/**
 * The user pool's pre-sign-up trigger: the sign-up rules (`sign-up.ts`) for every account Cognito
 * creates. It reads its event and calls no AWS API. The stage's allowed e-mail domains reach it
 * as `ALLOWED_EMAIL_DOMAINS` from infra (per stage, so not here). Not in `functions`: the local
 * stack has no user pool to call it (its issuer signs users in without accounts).
 */
export const preSignUpFunction = {
  name: 'PreSignUp',
  handler: 'packages/functions/src/pre-sign-up.handler',
  // Cognito gives a trigger 5 seconds before it fails the sign-up.
  timeoutSeconds: 5,
  memoryMb: 256,
  links: [],
  grants: [],
} as const satisfies FunctionSpec;

export const functions = [
  workerFunction,
  rebuilderFunction,
  authorizerFunction,
  standingFunction,
  eraserFunction,
  replayFunction,
] as const;
