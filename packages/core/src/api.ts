/**
 * The AppSync API, described once: data sources, resolvers and their bundles, and the
 * environment variables resolvers read through `ctx.env`. `infra/api.ts` registers these
 * with `sst.aws.AppSync`; the local runtime loads the same bundles against the same data
 * sources.
 */
import { eraserFunction, standingFunction } from './functions.ts';
import { activitiesTable, scoresTable } from './tables.ts';

export type DataSourceSpec =
  | { readonly name: string; readonly kind: 'dynamodb'; readonly table: string }
  | { readonly name: string; readonly kind: 'lambda'; readonly function: string }
  | { readonly name: string; readonly kind: 'none' };

export const dataSources = {
  activities: { name: 'activities', kind: 'dynamodb', table: activitiesTable.name },
  scores: { name: 'scores', kind: 'dynamodb', table: scoresTable.name },
  none: { name: 'none', kind: 'none' },
  // Team assignments: its own role, so the `scores` data source stays read-only.
  teams: { name: 'teams', kind: 'dynamodb', table: scoresTable.name },
  /**
   * myStanding past the snapshot reads every score shard of the index, twice more with `around`:
   * 1 + 3 x S requests, where a pipeline makes one request per function and holds at most 10.
   */
  standing: { name: 'standing', kind: 'lambda', function: standingFunction.name },
  // Program writes (admins): its own role, so the `scores` data source stays read-only.
  programs: { name: 'programs', kind: 'dynamodb', table: scoresTable.name },
  // Operators' writes (reversals, disqualifications and their audit entries): a role of their own.
  operations: { name: 'operations', kind: 'dynamodb', table: activitiesTable.name },
  /** eraseUser deletes every item about a user in batches and recomputes boards: past one request per function. */
  eraser: { name: 'eraser', kind: 'lambda', function: eraserFunction.name },
} as const satisfies Record<string, DataSourceSpec>;

export type DataSourceName = keyof typeof dataSources;

export interface PipelineFunctionSpec {
  /** Bundle `packages/resolvers/dist/functions/<name>.js`. */
  readonly name: string;
  readonly dataSource: DataSourceName;
}

export interface ResolverSpec {
  readonly typeName: 'Query' | 'Mutation' | 'Subscription';
  readonly fieldName: string;
  /** Unit resolvers name their data source; pipeline resolvers name their functions. */
  readonly dataSource?: DataSourceName;
  readonly pipeline?: readonly string[];
}

/** Bundle name of a resolver: `packages/resolvers/dist/<Type>.<field>.js`. */
export const resolverBundleName = (resolver: Pick<ResolverSpec, 'typeName' | 'fieldName'>): string =>
  `${resolver.typeName}.${resolver.fieldName}`;

export const pipelineFunctions: readonly PipelineFunctionSpec[] = [
  // recordActivity: idempotent replay, daily cap read, the conditional transaction, the race loser's answer.
  { name: 'getRecordedActivityAndDailyPoints', dataSource: 'activities' },
  { name: 'writeActivity', dataSource: 'activities' },
  { name: 'getActivityAfterRace', dataSource: 'activities' },
  // recordActivities: recorded keys and daily caps in one read, then the one transaction.
  { name: 'getRecordedActivitiesAndDailyPoints', dataSource: 'activities' },
  { name: 'writeActivities', dataSource: 'activities' },
  // recordActivities: the programs the inputs name, in one read.
  { name: 'getActivitiesPrograms', dataSource: 'scores' },
  // myStanding: the caller's total, then the board snapshot for the rank.
  { name: 'getCallerTotal', dataSource: 'scores' },
  { name: 'getBoardSnapshot', dataSource: 'scores' },
  // myStanding: whether an admin left the caller out of the board.
  { name: 'getCallerDisqualification', dataSource: 'scores' },
  // myStanding, when the snapshot cannot answer: the rank and neighbours on the live totals.
  { name: 'readLiveStanding', dataSource: 'standing' },
  // recordActivity: the team an admin put the caller in, which overrides the token's.
  { name: 'getTeamAssignment', dataSource: 'teams' },
  // recordActivity: the program it names, which must exist and count it.
  { name: 'getActivityProgram', dataSource: 'scores' },
  // myProgress: the program, then the caller's progress in it.
  { name: 'getProgram', dataSource: 'scores' },
  { name: 'getCallerProgress', dataSource: 'scores' },
  // reverseActivity: the activity, then the transaction that reverses it.
  { name: 'getReversalTarget', dataSource: 'operations' },
  { name: 'writeReversal', dataSource: 'operations' },
  // myPrograms: every program, then every progress item of the caller.
  { name: 'listPrograms', dataSource: 'scores' },
  { name: 'listCallerProgress', dataSource: 'scores' },
];

export const resolvers: readonly ResolverSpec[] = [
  {
    typeName: 'Mutation',
    fieldName: 'recordActivity',
    pipeline: [
      'getRecordedActivityAndDailyPoints',
      'getActivityProgram',
      'getTeamAssignment',
      'writeActivity',
      'getActivityAfterRace',
    ],
  },
  {
    typeName: 'Mutation',
    fieldName: 'recordActivities',
    pipeline: [
      'getRecordedActivitiesAndDailyPoints',
      'getActivitiesPrograms',
      'getTeamAssignment',
      'writeActivities',
    ],
  },
  { typeName: 'Mutation', fieldName: 'publishLeaderboard', dataSource: 'none' },
  { typeName: 'Query', fieldName: 'leaderboard', dataSource: 'scores' },
  {
    typeName: 'Query',
    fieldName: 'myStanding',
    pipeline: ['getCallerDisqualification', 'getCallerTotal', 'getBoardSnapshot', 'readLiveStanding'],
  },
  { typeName: 'Mutation', fieldName: 'setUserTeam', dataSource: 'teams' },
  { typeName: 'Query', fieldName: 'activityTypes', dataSource: 'none' },
  { typeName: 'Subscription', fieldName: 'onLeaderboardChanged', dataSource: 'none' },
  { typeName: 'Query', fieldName: 'programs', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'program', dataSource: 'scores' },
  { typeName: 'Mutation', fieldName: 'createProgram', dataSource: 'programs' },
  { typeName: 'Mutation', fieldName: 'updateProgram', dataSource: 'programs' },
  { typeName: 'Query', fieldName: 'myProgress', pipeline: ['getProgram', 'getCallerProgress'] },
  { typeName: 'Query', fieldName: 'myPrograms', pipeline: ['listPrograms', 'listCallerProgress'] },
  { typeName: 'Query', fieldName: 'myActivities', dataSource: 'activities' },
  // Operators (admins only).
  { typeName: 'Mutation', fieldName: 'reverseActivity', pipeline: ['getReversalTarget', 'writeReversal'] },
  { typeName: 'Mutation', fieldName: 'disqualifyUser', dataSource: 'operations' },
  { typeName: 'Mutation', fieldName: 'reinstateUser', dataSource: 'operations' },
  { typeName: 'Mutation', fieldName: 'eraseUser', dataSource: 'eraser' },
  { typeName: 'Query', fieldName: 'auditLog', dataSource: 'scores' },
  { typeName: 'Query', fieldName: 'userActivities', dataSource: 'activities' },
];

/**
 * Keys of the AppSync environment variables (`ctx.env`). Values are table names, which only
 * the deployment knows, and the service config, so resolvers never hard-code either.
 */
export const apiEnvironmentKeys = {
  activitiesTable: 'ACTIVITIES_TABLE',
  scoresTable: 'SCORES_TABLE',
} as const;
