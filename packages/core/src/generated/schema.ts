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
  /** The activity's key under its user: its `idempotencyKey`, or one the service chose. `reverseActivity` names it. */
  key: Scalars['ID']['output'];
  occurredAt: Scalars['AWSDateTime']['output'];
  /** Points earned, after the activity type's daily cap. */
  points: Scalars['Int']['output'];
  /** The program it counts for, if any. */
  programId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Float']['output'];
  recordedAt: Scalars['AWSDateTime']['output'];
  /** Why it was reversed. */
  reversalReason?: Maybe<Scalars['String']['output']>;
  /** When an admin reversed it (it then counts for nothing); null while it counts. */
  reversedAt?: Maybe<Scalars['AWSDateTime']['output']>;
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

export type AuditAction =
  | 'CREATE_PROGRAM'
  | 'DISQUALIFY_USER'
  | 'ERASE_USER'
  | 'REINSTATE_USER'
  | 'REPLAY'
  | 'REVERSE_ACTIVITY'
  | 'SET_USER_TEAM'
  | 'UPDATE_PROGRAM';

/** One admin action: who did what, when, to whom and why. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: AuditAction;
  /** The admin's user id, or the operator who ran a job. */
  actor: Scalars['ID']['output'];
  at: Scalars['AWSDateTime']['output'];
  /** Counts and states the action recorded, as a JSON object. */
  details: Scalars['AWSJSON']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  /** The user acted on; null when none, or once that user was erased. */
  subjectUserId?: Maybe<Scalars['ID']['output']>;
  /** What the action named besides the user: an activity key, a board id, an erasure or replay run id. */
  target?: Maybe<Scalars['String']['output']>;
};

/** One page of the audit trail. */
export type AuditPage = {
  __typename?: 'AuditPage';
  items: Array<AuditEntry>;
  /** Pass to `auditLog` for the next page; null on the last page. */
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type Disqualification = {
  __typename?: 'Disqualification';
  at: Scalars['AWSDateTime']['output'];
  /** Null for every board. */
  boardId?: Maybe<Scalars['ID']['output']>;
  /** The admin's user id. */
  by: Scalars['ID']['output'];
  /** True after disqualifyUser, false after reinstateUser. */
  disqualified: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

export type DisqualificationInput = {
  /** A user board (`global`, `program:<id>`, `week:<YYYY>-W<ww>` ...); null for every board. */
  boardId?: InputMaybe<Scalars['ID']['input']>;
  /** Kept in the audit trail. At most 500 characters. */
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type EraseUserInput = {
  /** From the previous call's answer, to go on with the same erasure. */
  nextToken?: InputMaybe<Scalars['String']['input']>;
  /** Kept in the audit trail, which holds no personal data: give a reference (e.g. a ticket), not a name. At most 500 characters. */
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

/** Where an erasure stands after one call. */
export type Erasure = {
  __typename?: 'Erasure';
  /** Boards marked for a rebuild by this call. */
  boardsChanged: Scalars['Int']['output'];
  /** True when nothing about the user is left. */
  done: Scalars['Boolean']['output'];
  /** The erasure's id: the audit trail names it, never the user. */
  erasureId: Scalars['ID']['output'];
  /** Items deleted by this call. */
  itemsDeleted: Scalars['Int']['output'];
  /** Pass back to `eraseUser` to go on; null once done. */
  nextToken?: Maybe<Scalars['String']['output']>;
};

export type Leaderboard = {
  __typename?: 'Leaderboard';
  asOf: Scalars['AWSDateTime']['output'];
  boardId: Scalars['ID']['output'];
  /**
   * The users in rank order. On a team board, its teams by points in the same shape (`userId` and
   * `displayName` hold the team id), so any board client can show it; `teams` has the detail.
   */
  entries: Array<LeaderboardEntry>;
  /** A team board's teams in both orders; null on user boards. */
  teams?: Maybe<TeamRankings>;
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
  /**
   * Leaves a user out of one board's snapshots (`boardId`), or out of every board's (null), from the
   * next rebuild on; their `myStanding` there says so. Their points stay theirs and their team's.
   */
  disqualifyUser: Disqualification;
  /**
   * Erases every item about a user (activities, totals, progress, counters, team, disqualifications,
   * their name in audit entries) in bounded batches: call again with the answer's `nextToken` until
   * `done`. Their boards are rebuilt without them. The audit trail keeps the erasure by its id only.
   */
  eraseUser: Erasure;
  /** Publishes a new snapshot to subscribers. Called by the rebuilder only. */
  publishLeaderboard: Leaderboard;
  /**
   * Records 1 to 25 activities for the caller in one call (a device syncing what it kept offline):
   * all of them or, when one is refused, none. Answers in input order; an input whose
   * idempotencyKey is recorded already answers with that activity. Each activity counts against
   * the per-minute limit, and the daily cap applies in input order.
   */
  recordActivities: Array<Activity>;
  /** Records one activity for the caller. Retrying with the same idempotencyKey returns the first result. */
  recordActivity: Activity;
  /** Ends a disqualification made with the same `userId` and `boardId`: the user is back at the next rebuild. */
  reinstateUser: Disqualification;
  /**
   * Reverses one activity: it stays in the user's history, marked reversed, and counts for nothing
   * from then on; the worker takes it out of every total, progress, team counter and the day's cap
   * exactly once, and boards change at their next rebuild. Refused when it is reversed already.
   */
  reverseActivity: Reversal;
  /**
   * Puts a user in a team (letters, digits, `-` and `_`, at most 64), overriding their token's team
   * claim from their next activity on; a null teamId removes the assignment. Admins only; kept in
   * the audit trail with the reason.
   */
  setUserTeam: TeamAssignment;
  /**
   * Replaces every field of an existing program but its id. Admins only. Activities already
   * counted stay counted; the new dates, types and goal apply to activities counted from now on.
   */
  updateProgram: Program;
};

export type MutationCreateProgramArgs = {
  input: ProgramInput;
};

export type MutationDisqualifyUserArgs = {
  input: DisqualificationInput;
};

export type MutationEraseUserArgs = {
  input: EraseUserInput;
};

export type MutationPublishLeaderboardArgs = {
  input: PublishLeaderboardInput;
};

export type MutationRecordActivitiesArgs = {
  inputs: Array<RecordActivityInput>;
};

export type MutationRecordActivityArgs = {
  input: RecordActivityInput;
};

export type MutationReinstateUserArgs = {
  input: DisqualificationInput;
};

export type MutationReverseActivityArgs = {
  input: ReverseActivityInput;
};

export type MutationSetUserTeamArgs = {
  reason: Scalars['String']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
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
  /** Team boards only. */
  teams?: InputMaybe<TeamRankingsInput>;
  version: Scalars['Int']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** The activity catalog: what can be recorded and how it scores. */
  activityTypes: Array<ActivityType>;
  /**
   * The audit trail of admin actions, newest first, `limit` per page (default 20, at most 100). To
   * read on, call again with the page's `nextToken`. Admins only.
   */
  auditLog: AuditPage;
  /**
   * The latest published snapshot of a board (default `global`), a team board (`team:<boardId>`)
   * included. `limit` is capped server-side.
   */
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
  /**
   * The caller's total and rank on a user board (default `global`), whatever their place, and with
   * `around` (0 to 10, default 0) the entries just above and below them.
   */
  myStanding?: Maybe<Standing>;
  /** One program; null when no program has this id. */
  program?: Maybe<Program>;
  /** Programs in the given status at the time of the call (every program when null), ordered by id. */
  programs: Array<Program>;
  /** A user's activities as `myActivities` pages them, reversed ones included (to find one's `key`). Admins only. */
  userActivities: ActivityPage;
};

export type QueryAuditLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
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
  around?: InputMaybe<Scalars['Int']['input']>;
  boardId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryProgramArgs = {
  id: Scalars['ID']['input'];
};

export type QueryProgramsArgs = {
  status?: InputMaybe<ProgramStatus>;
};

export type QueryUserActivitiesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nextToken?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
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

/** An activity an admin reversed. */
export type Reversal = {
  __typename?: 'Reversal';
  activityId: Scalars['ID']['output'];
  activityKey: Scalars['ID']['output'];
  /** The points it had earned, which the worker takes back. */
  points: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
  reversedAt: Scalars['AWSDateTime']['output'];
  reversedBy: Scalars['ID']['output'];
  userId: Scalars['ID']['output'];
};

export type ReverseActivityInput = {
  /** The activity's `key` (see `userActivities`). */
  activityKey: Scalars['ID']['input'];
  /** Kept in the audit trail and shown to the user in their history. At most 500 characters. */
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type Standing = {
  __typename?: 'Standing';
  /** Up to `around` entries just above the caller, in rank order (their ranks follow the caller's). */
  above: Array<LeaderboardEntry>;
  /** When the rank held: the snapshot's time for a rank from it, the time of reading otherwise. */
  asOf?: Maybe<Scalars['AWSDateTime']['output']>;
  /** Up to `around` entries just below the caller, in rank order. */
  below: Array<LeaderboardEntry>;
  boardId: Scalars['ID']['output'];
  /** The latest snapshot's version, when the board has one. */
  boardVersion?: Maybe<Scalars['Int']['output']>;
  /** True when an admin left the caller out of this board: they are in no snapshot of it and have no rank. */
  disqualified: Scalars['Boolean']['output'];
  /**
   * False when the rank is an estimate: the caller shares a score range with more users than one
   * read counts, and their place among those is interpolated.
   */
  exact: Scalars['Boolean']['output'];
  /**
   * The caller's rank, whatever their place: from the latest snapshot when they are in it, else
   * counted on the live totals. Null when they have no points on the board, or are disqualified there.
   */
  rank?: Maybe<Scalars['Int']['output']>;
  /** Users with points on the board, when the rank was counted on the live totals; else null. */
  rankedUsers?: Maybe<Scalars['Int']['output']>;
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

/** A user's team as an admin set it. */
export type TeamAssignment = {
  __typename?: 'TeamAssignment';
  assignedAt: Scalars['AWSDateTime']['output'];
  /** The admin's user id. */
  assignedBy: Scalars['ID']['output'];
  /** Null when the assignment was removed: the token's team claim applies again. */
  teamId?: Maybe<Scalars['ID']['output']>;
  userId: Scalars['ID']['output'];
};

export type TeamEntry = {
  __typename?: 'TeamEntry';
  /** Users who earned points for the team on the board. */
  members: Scalars['Int']['output'];
  points: Scalars['Int']['output'];
  /** points / members, to two decimals. */
  pointsPerMember: Scalars['Float']['output'];
  /** Rank in the same order in the previous snapshot; null when the team was not in it. */
  previousRank?: Maybe<Scalars['Int']['output']>;
  /** Rank in the order of the list it is in. */
  rank: Scalars['Int']['output'];
  teamId: Scalars['ID']['output'];
};

export type TeamEntryInput = {
  members: Scalars['Int']['input'];
  points: Scalars['Int']['input'];
  pointsPerMember: Scalars['Float']['input'];
  previousRank?: InputMaybe<Scalars['Int']['input']>;
  rank: Scalars['Int']['input'];
  teamId: Scalars['ID']['input'];
};

/** A team board's two orders of the same teams. */
export type TeamRankings = {
  __typename?: 'TeamRankings';
  /** Most points first. */
  byPoints: Array<TeamEntry>;
  /** Most points per member first: a small team can lead. */
  byPointsPerMember: Array<TeamEntry>;
};

export type TeamRankingsInput = {
  byPoints: Array<TeamEntryInput>;
  byPointsPerMember: Array<TeamEntryInput>;
};
