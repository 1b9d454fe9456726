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
  /** Points earned, after the activity type's daily cap. */
  points: Scalars['Int']['output'];
  /** The program it counts for, if any. */
  programId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Float']['output'];
  recordedAt: Scalars['AWSDateTime']['output'];
  type: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** One page of the caller's activities. */
export type ActivityPage = {
  __typename?: 'ActivityPage';
  items: Array<Activity>;
  /** Pass to `myActivities` for the next page; null on the last page. */
  nextToken?: Maybe<Scalars['String']['output']>;
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
  /** Creates a program. Refused for a caller outside the `admins` group, an id in use, or invalid fields. */
  createProgram: Program;
  /** Publishes a new snapshot to subscribers. Called by the rebuilder only. */
  publishLeaderboard: Leaderboard;
  /** Records one activity for the caller. Retrying with the same idempotencyKey returns the first result. */
  recordActivity: Activity;
  /**
   * Replaces every field of an existing program but its id. Admins only. Activities already
   * counted stay counted; the new dates, types and goal apply to activities counted from now on.
   */
  updateProgram: Program;
};

export type MutationCreateProgramArgs = {
  input: ProgramInput;
};

export type MutationPublishLeaderboardArgs = {
  input: PublishLeaderboardInput;
};

export type MutationRecordActivityArgs = {
  input: RecordActivityInput;
};

export type MutationUpdateProgramArgs = {
  input: ProgramInput;
};

/** A wellness program: activities of its types that occur between its start and end count for it. */
export type Program = {
  __typename?: 'Program';
  /** The activity types (from `activityTypes`) that count for the program. */
  activityTypes: Array<Scalars['String']['output']>;
  /** The program's leaderboard: `program:<id>`. */
  boardId: Scalars['ID']['output'];
  description: Scalars['String']['output'];
  /** ... until this one (excluded). */
  endsAt: Scalars['AWSDateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Points a participant aims for; null when the program sets none. */
  pointsGoal?: Maybe<Scalars['Int']['output']>;
  /** Activities count from this instant ... */
  startsAt: Scalars['AWSDateTime']['output'];
  /** At the time of the call. */
  status: ProgramStatus;
};

export type ProgramInput = {
  /** At least one type from `activityTypes`, each once. */
  activityTypes: Array<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** After `startsAt`. */
  endsAt: Scalars['AWSDateTime']['input'];
  /** Letters, digits, `-` and `_`, at most 64; also the board id's suffix (`program:<id>`). Cannot change. */
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** A whole number of points, at least 1; null for none. */
  pointsGoal?: InputMaybe<Scalars['Int']['input']>;
  startsAt: Scalars['AWSDateTime']['input'];
};

/** The caller's progress in one program, kept exactly once per counted activity. */
export type ProgramProgress = {
  __typename?: 'ProgramProgress';
  /** Activities counted for the program (those that earned points). */
  activities: Scalars['Int']['output'];
  /**
   * When the points reached the goal: the latest recording time of the activities counted by then
   * (exact when activities are applied in the order they were recorded). Null until reached, and
   * after an admin changes the goal until an activity counts under the new goal.
   */
  completedAt?: Maybe<Scalars['AWSDateTime']['output']>;
  /** The program's points goal; null when it sets none. */
  goal?: Maybe<Scalars['Int']['output']>;
  /** Points as a whole percentage of the goal, at most 100; null without a goal. */
  percent?: Maybe<Scalars['Int']['output']>;
  /** Points counted for the program (after daily caps). */
  points: Scalars['Int']['output'];
  program: Program;
};

/** Where a program stands at the time of the call: before its start, between start and end, after its end. */
export type ProgramStatus = 'ACTIVE' | 'ENDED' | 'UPCOMING';

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
  /**
   * The caller's activities, newest `occurredAt` first, `limit` per page (default 20, at most 100).
   * To read on, call again with the page's `nextToken`; the last page has none.
   */
  myActivities: ActivityPage;
  /** Every running program and every program the caller has counted activities in, with the caller's progress, ordered by program id. */
  myPrograms: Array<ProgramProgress>;
  /** The caller's progress in a program (zeros before anything counted); null when no program has this id. */
  myProgress?: Maybe<ProgramProgress>;
  /** The caller's total on a board, with their rank when they are in the latest snapshot. */
  myStanding?: Maybe<Standing>;
  /** One program; null when no program has this id. */
  program?: Maybe<Program>;
  /** Programs in the given status at the time of the call (every program when null), ordered by id. */
  programs: Array<Program>;
};

export type QueryLeaderboardArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryMyActivitiesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
};

export type QueryMyProgressArgs = {
  programId: Scalars['ID']['input'];
};

export type QueryMyStandingArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryProgramArgs = {
  id: Scalars['ID']['input'];
};

export type QueryProgramsArgs = {
  status?: InputMaybe<ProgramStatus>;
};

export type RecordActivityInput = {
  /** Client-chosen key that makes retries safe: the same key records the activity once. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** When it happened; defaults to now. Neither in the future nor too far in the past. */
  occurredAt?: InputMaybe<Scalars['AWSDateTime']['input']>;
  /**
   * A program (from `programs`) the activity counts for. Refused with a ValidationError when no
   * program has this id, the activity did not occur while the program runs, or its type does not count there.
   */
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
