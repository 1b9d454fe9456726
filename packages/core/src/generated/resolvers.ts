import type * as Types from './schema.ts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<
  TTypes,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AWSDate: ResolverTypeWrapper<Types.Scalars['AWSDate']['output']>;
  AWSDateTime: ResolverTypeWrapper<Types.Scalars['AWSDateTime']['output']>;
  AWSEmail: ResolverTypeWrapper<Types.Scalars['AWSEmail']['output']>;
  AWSIPAddress: ResolverTypeWrapper<Types.Scalars['AWSIPAddress']['output']>;
  AWSJSON: ResolverTypeWrapper<Types.Scalars['AWSJSON']['output']>;
  AWSPhone: ResolverTypeWrapper<Types.Scalars['AWSPhone']['output']>;
  AWSTime: ResolverTypeWrapper<Types.Scalars['AWSTime']['output']>;
  AWSTimestamp: ResolverTypeWrapper<Types.Scalars['AWSTimestamp']['output']>;
  AWSURL: ResolverTypeWrapper<Types.Scalars['AWSURL']['output']>;
  Activity: ResolverTypeWrapper<Types.Activity>;
  ActivityPage: ResolverTypeWrapper<Types.ActivityPage>;
  ActivityType: ResolverTypeWrapper<Types.ActivityType>;
  AuditAction: Types.AuditAction;
  AuditEntry: ResolverTypeWrapper<Types.AuditEntry>;
  AuditPage: ResolverTypeWrapper<Types.AuditPage>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Disqualification: ResolverTypeWrapper<Types.Disqualification>;
  DisqualificationInput: Types.DisqualificationInput;
  EraseUserInput: Types.EraseUserInput;
  Erasure: ResolverTypeWrapper<Types.Erasure>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  Leaderboard: ResolverTypeWrapper<Types.Leaderboard>;
  LeaderboardEntry: ResolverTypeWrapper<Types.LeaderboardEntry>;
  LeaderboardEntryInput: Types.LeaderboardEntryInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Program: ResolverTypeWrapper<Types.Program>;
  ProgramInput: Types.ProgramInput;
  ProgramProgress: ResolverTypeWrapper<Types.ProgramProgress>;
  ProgramStatus: Types.ProgramStatus;
  PublishLeaderboardInput: Types.PublishLeaderboardInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordActivityInput: Types.RecordActivityInput;
  Reversal: ResolverTypeWrapper<Types.Reversal>;
  ReverseActivityInput: Types.ReverseActivityInput;
  Standing: ResolverTypeWrapper<Types.Standing>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TeamAssignment: ResolverTypeWrapper<Types.TeamAssignment>;
  TeamEntry: ResolverTypeWrapper<Types.TeamEntry>;
  TeamEntryInput: Types.TeamEntryInput;
  TeamRankings: ResolverTypeWrapper<Types.TeamRankings>;
  TeamRankingsInput: Types.TeamRankingsInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AWSDate: Types.Scalars['AWSDate']['output'];
  AWSDateTime: Types.Scalars['AWSDateTime']['output'];
  AWSEmail: Types.Scalars['AWSEmail']['output'];
  AWSIPAddress: Types.Scalars['AWSIPAddress']['output'];
  AWSJSON: Types.Scalars['AWSJSON']['output'];
  AWSPhone: Types.Scalars['AWSPhone']['output'];
  AWSTime: Types.Scalars['AWSTime']['output'];
  AWSTimestamp: Types.Scalars['AWSTimestamp']['output'];
  AWSURL: Types.Scalars['AWSURL']['output'];
  Activity: Types.Activity;
  ActivityPage: Types.ActivityPage;
  ActivityType: Types.ActivityType;
  AuditEntry: Types.AuditEntry;
  AuditPage: Types.AuditPage;
  Boolean: Types.Scalars['Boolean']['output'];
  Disqualification: Types.Disqualification;
  DisqualificationInput: Types.DisqualificationInput;
  EraseUserInput: Types.EraseUserInput;
  Erasure: Types.Erasure;
  Float: Types.Scalars['Float']['output'];
  ID: Types.Scalars['ID']['output'];
  Int: Types.Scalars['Int']['output'];
  Leaderboard: Types.Leaderboard;
  LeaderboardEntry: Types.LeaderboardEntry;
  LeaderboardEntryInput: Types.LeaderboardEntryInput;
  Mutation: Record<PropertyKey, never>;
  Program: Types.Program;
  ProgramInput: Types.ProgramInput;
  ProgramProgress: Types.ProgramProgress;
  PublishLeaderboardInput: Types.PublishLeaderboardInput;
  Query: Record<PropertyKey, never>;
  RecordActivityInput: Types.RecordActivityInput;
  Reversal: Types.Reversal;
  ReverseActivityInput: Types.ReverseActivityInput;
  Standing: Types.Standing;
  String: Types.Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TeamAssignment: Types.TeamAssignment;
  TeamEntry: Types.TeamEntry;
  TeamEntryInput: Types.TeamEntryInput;
  TeamRankings: Types.TeamRankings;
  TeamRankingsInput: Types.TeamRankingsInput;
};

export type Aws_Api_KeyDirectiveArgs = {};

export type Aws_Api_KeyDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_Api_KeyDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_AuthDirectiveArgs = {
  cognito_groups?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
};

export type Aws_AuthDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_AuthDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_Cognito_User_PoolsDirectiveArgs = {
  cognito_groups?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
};

export type Aws_Cognito_User_PoolsDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_Cognito_User_PoolsDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_IamDirectiveArgs = {};

export type Aws_IamDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_IamDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_LambdaDirectiveArgs = {};

export type Aws_LambdaDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_LambdaDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_OidcDirectiveArgs = {};

export type Aws_OidcDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_OidcDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Aws_SubscribeDirectiveArgs = {
  mutations: Array<Types.Scalars['String']['input']>;
};

export type Aws_SubscribeDirectiveResolver<
  Result,
  Parent,
  ContextType = any,
  Args = Aws_SubscribeDirectiveArgs,
> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface AwsDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDate'], any> {
  name: 'AWSDate';
}

export interface AwsDateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSDateTime'], any> {
  name: 'AWSDateTime';
}

export interface AwsEmailScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSEmail'], any> {
  name: 'AWSEmail';
}

export interface AwsipAddressScalarConfig extends GraphQLScalarTypeConfig<
  ResolversTypes['AWSIPAddress'],
  any
> {
  name: 'AWSIPAddress';
}

export interface AwsjsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSJSON'], any> {
  name: 'AWSJSON';
}

export interface AwsPhoneScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSPhone'], any> {
  name: 'AWSPhone';
}

export interface AwsTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSTime'], any> {
  name: 'AWSTime';
}

export interface AwsTimestampScalarConfig extends GraphQLScalarTypeConfig<
  ResolversTypes['AWSTimestamp'],
  any
> {
  name: 'AWSTimestamp';
}

export interface AwsurlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AWSURL'], any> {
  name: 'AWSURL';
}

export type ActivityResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Activity'] = ResolversParentTypes['Activity'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idempotencyKey?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  programId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  reversalReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reversedAt?: Resolver<Types.Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ActivityPageResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['ActivityPage'] = ResolversParentTypes['ActivityPage'],
> = {
  items?: Resolver<Array<ResolversTypes['Activity']>, ParentType, ContextType>;
  nextToken?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ActivityTypeResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['ActivityType'] = ResolversParentTypes['ActivityType'],
> = {
  maxPointsPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxQuantityPerActivity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsPerUnit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pointsRule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry'],
> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['AWSJSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectUserId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  target?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditPageResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['AuditPage'] = ResolversParentTypes['AuditPage'],
> = {
  items?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextToken?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DisqualificationResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Disqualification'] = ResolversParentTypes['Disqualification'],
> = {
  at?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  boardId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  by?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  disqualified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ErasureResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Erasure'] = ResolversParentTypes['Erasure'],
> = {
  boardsChanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  erasureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemsDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nextToken?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LeaderboardResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Leaderboard'] = ResolversParentTypes['Leaderboard'],
> = {
  asOf?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType>;
  teams?: Resolver<Types.Maybe<ResolversTypes['TeamRankings']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LeaderboardEntryResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['LeaderboardEntry'] = ResolversParentTypes['LeaderboardEntry'],
> = {
  displayName?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousRank?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  createProgram?: Resolver<
    ResolversTypes['Program'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationCreateProgramArgs, 'input'>
  >;
  disqualifyUser?: Resolver<
    ResolversTypes['Disqualification'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationDisqualifyUserArgs, 'input'>
  >;
  eraseUser?: Resolver<
    ResolversTypes['Erasure'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationEraseUserArgs, 'input'>
  >;
  publishLeaderboard?: Resolver<
    ResolversTypes['Leaderboard'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationPublishLeaderboardArgs, 'input'>
  >;
  recordActivities?: Resolver<
    Array<ResolversTypes['Activity']>,
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordActivitiesArgs, 'inputs'>
  >;
  recordActivity?: Resolver<
    ResolversTypes['Activity'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordActivityArgs, 'input'>
  >;
  reinstateUser?: Resolver<
    ResolversTypes['Disqualification'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationReinstateUserArgs, 'input'>
  >;
  reverseActivity?: Resolver<
    ResolversTypes['Reversal'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationReverseActivityArgs, 'input'>
  >;
  setUserTeam?: Resolver<
    ResolversTypes['TeamAssignment'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationSetUserTeamArgs, 'reason' | 'userId'>
  >;
  updateProgram?: Resolver<
    ResolversTypes['Program'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationUpdateProgramArgs, 'input'>
  >;
};

export type ProgramResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Program'] = ResolversParentTypes['Program'],
> = {
  activityTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pointsGoal?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProgramStatus'], ParentType, ContextType>;
};

export type ProgramProgressResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['ProgramProgress'] = ResolversParentTypes['ProgramProgress'],
> = {
  activities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedAt?: Resolver<Types.Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  goal?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  percent?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  program?: Resolver<ResolversTypes['Program'], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  activityTypes?: Resolver<Array<ResolversTypes['ActivityType']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditPage'], ParentType, ContextType, Partial<Types.QueryAuditLogArgs>>;
  leaderboard?: Resolver<
    ResolversTypes['Leaderboard'],
    ParentType,
    ContextType,
    Partial<Types.QueryLeaderboardArgs>
  >;
  myActivities?: Resolver<
    ResolversTypes['ActivityPage'],
    ParentType,
    ContextType,
    Partial<Types.QueryMyActivitiesArgs>
  >;
  myPrograms?: Resolver<Array<ResolversTypes['ProgramProgress']>, ParentType, ContextType>;
  myProgress?: Resolver<
    Types.Maybe<ResolversTypes['ProgramProgress']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryMyProgressArgs, 'programId'>
  >;
  myStanding?: Resolver<
    Types.Maybe<ResolversTypes['Standing']>,
    ParentType,
    ContextType,
    Partial<Types.QueryMyStandingArgs>
  >;
  program?: Resolver<
    Types.Maybe<ResolversTypes['Program']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryProgramArgs, 'id'>
  >;
  programs?: Resolver<
    Array<ResolversTypes['Program']>,
    ParentType,
    ContextType,
    Partial<Types.QueryProgramsArgs>
  >;
  userActivities?: Resolver<
    ResolversTypes['ActivityPage'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryUserActivitiesArgs, 'userId'>
  >;
};

export type ReversalResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Reversal'] = ResolversParentTypes['Reversal'],
> = {
  activityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  activityKey?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reversedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  reversedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type StandingResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Standing'] = ResolversParentTypes['Standing'],
> = {
  above?: Resolver<Array<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType>;
  asOf?: Resolver<Types.Maybe<ResolversTypes['AWSDateTime']>, ParentType, ContextType>;
  below?: Resolver<Array<ResolversTypes['LeaderboardEntry']>, ParentType, ContextType>;
  boardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  boardVersion?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  disqualified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  exact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rank?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rankedUsers?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SubscriptionResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription'],
> = {
  onLeaderboardChanged?: SubscriptionResolver<
    Types.Maybe<ResolversTypes['Leaderboard']>,
    'onLeaderboardChanged',
    ParentType,
    ContextType,
    Partial<Types.SubscriptionOnLeaderboardChangedArgs>
  >;
};

export type TeamAssignmentResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['TeamAssignment'] = ResolversParentTypes['TeamAssignment'],
> = {
  assignedAt?: Resolver<ResolversTypes['AWSDateTime'], ParentType, ContextType>;
  assignedBy?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  teamId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TeamEntryResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['TeamEntry'] = ResolversParentTypes['TeamEntry'],
> = {
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pointsPerMember?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  previousRank?: Resolver<Types.Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  teamId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TeamRankingsResolvers<
  ContextType = any,
  ParentType extends ResolversParentTypes['TeamRankings'] = ResolversParentTypes['TeamRankings'],
> = {
  byPoints?: Resolver<Array<ResolversTypes['TeamEntry']>, ParentType, ContextType>;
  byPointsPerMember?: Resolver<Array<ResolversTypes['TeamEntry']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  AWSDate?: GraphQLScalarType;
  AWSDateTime?: GraphQLScalarType;
  AWSEmail?: GraphQLScalarType;
  AWSIPAddress?: GraphQLScalarType;
  AWSJSON?: GraphQLScalarType;
  AWSPhone?: GraphQLScalarType;
  AWSTime?: GraphQLScalarType;
  AWSTimestamp?: GraphQLScalarType;
  AWSURL?: GraphQLScalarType;
  Activity?: ActivityResolvers<ContextType>;
  ActivityPage?: ActivityPageResolvers<ContextType>;
  ActivityType?: ActivityTypeResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditPage?: AuditPageResolvers<ContextType>;
  Disqualification?: DisqualificationResolvers<ContextType>;
  Erasure?: ErasureResolvers<ContextType>;
  Leaderboard?: LeaderboardResolvers<ContextType>;
  LeaderboardEntry?: LeaderboardEntryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Program?: ProgramResolvers<ContextType>;
  ProgramProgress?: ProgramProgressResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reversal?: ReversalResolvers<ContextType>;
  Standing?: StandingResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TeamAssignment?: TeamAssignmentResolvers<ContextType>;
  TeamEntry?: TeamEntryResolvers<ContextType>;
  TeamRankings?: TeamRankingsResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = any> = {
  aws_api_key?: Aws_Api_KeyDirectiveResolver<any, any, ContextType>;
  aws_auth?: Aws_AuthDirectiveResolver<any, any, ContextType>;
  aws_cognito_user_pools?: Aws_Cognito_User_PoolsDirectiveResolver<any, any, ContextType>;
  aws_iam?: Aws_IamDirectiveResolver<any, any, ContextType>;
  aws_lambda?: Aws_LambdaDirectiveResolver<any, any, ContextType>;
  aws_oidc?: Aws_OidcDirectiveResolver<any, any, ContextType>;
  aws_subscribe?: Aws_SubscribeDirectiveResolver<any, any, ContextType>;
};
