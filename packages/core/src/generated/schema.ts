export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  AWSDate: { input: string; output: string };
  AWSDateTime: { input: string; output: string };
  AWSEmail: { input: string; output: string };
  AWSIPAddress: { input: string; output: string };
  AWSJSON: { input: string; output: string };
  AWSPhone: { input: string; output: string };
  AWSTime: { input: string; output: string };
  AWSTimestamp: { input: number; output: number };
  AWSURL: { input: string; output: string };
};

export type Activity = {
  __typename?: 'Activity';
  id: Scalars['ID']['output'];
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['AWSDateTime']['output'];
  points: Scalars['Int']['output'];
  programId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Float']['output'];
  recordedAt: Scalars['AWSDateTime']['output'];
  type: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

export type ActivityType = {
  __typename?: 'ActivityType';
  /** Points from this type count at most this much per user and UTC day. */
  maxPointsPerDay: Scalars['Int']['output'];
  /** The largest quantity accepted in one activity. */
  maxQuantityPerActivity: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** Points earned per one unit. */
  pointsPerUnit: Scalars['Float']['output'];
  /** Human-readable rule, e.g. `1 point per 1000 steps`. */
  pointsRule: Scalars['String']['output'];
  type: Scalars['ID']['output'];
  unit: Scalars['String']['output'];
};

export type Leaderboard = {
  __typename?: 'Leaderboard';
  asOf: Scalars['AWSDateTime']['output'];
  boardId: Scalars['ID']['output'];
  entries: Array<LeaderboardEntry>;
  version: Scalars['Int']['output'];
};

export type LeaderboardEntry = {
  __typename?: 'LeaderboardEntry';
  displayName?: Maybe<Scalars['String']['output']>;
  previousRank?: Maybe<Scalars['Int']['output']>;
  rank: Scalars['Int']['output'];
  score: Scalars['Int']['output'];
  userId: Scalars['ID']['output'];
};

export type LeaderboardEntryInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  previousRank?: InputMaybe<Scalars['Int']['input']>;
  rank: Scalars['Int']['input'];
  score: Scalars['Int']['input'];
  userId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Publishes a new snapshot to subscribers. Called by the rebuilder only. */
  publishLeaderboard: Leaderboard;
  /** Records one activity for the caller. Retrying with the same idempotencyKey returns the first result. */
  recordActivity: Activity;
};

export type MutationPublishLeaderboardArgs = {
  input: PublishLeaderboardInput;
};

export type MutationRecordActivityArgs = {
  input: RecordActivityInput;
};

export type PublishLeaderboardInput = {
  asOf: Scalars['AWSDateTime']['input'];
  boardId: Scalars['ID']['input'];
  entries: Array<LeaderboardEntryInput>;
  version: Scalars['Int']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** The activity catalog: what can be recorded and how it scores. */
  activityTypes: Array<ActivityType>;
  /** The latest published snapshot of a board (default `global`). `limit` is capped server-side. */
  leaderboard: Leaderboard;
  /** The caller's total on a board, with their rank when they are in the latest snapshot. */
  myStanding?: Maybe<Standing>;
};

export type QueryLeaderboardArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryMyStandingArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
};

export type RecordActivityInput = {
  /** Client-chosen key that makes retries safe: the same key records the activity once. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** When it happened; defaults to now. Neither in the future nor too far in the past. */
  occurredAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  programId?: InputMaybe<Scalars['ID']['input']>;
  /** How much, in the activity type's unit. */
  quantity: Scalars['Float']['input'];
  /** An activity type from `activityTypes`, e.g. `steps`. */
  type: Scalars['String']['input'];
};

export type Standing = {
  __typename?: 'Standing';
  boardId: Scalars['ID']['output'];
  /** The snapshot version the rank comes from. */
  boardVersion?: Maybe<Scalars['Int']['output']>;
  /** Rank in the latest snapshot; null when the caller is not in it. */
  rank?: Maybe<Scalars['Int']['output']>;
  score: Scalars['Int']['output'];
  userId: Scalars['ID']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Snapshots as they are published; a null boardId receives every board. */
  onLeaderboardChanged?: Maybe<Leaderboard>;
};

export type SubscriptionOnLeaderboardChangedArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
};
