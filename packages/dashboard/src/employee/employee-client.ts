/**
 * The employee page's API calls, as the signed-in user: Apollo Client with
 * `aws-appsync-auth-link` for queries and mutations and `aws-appsync-subscription-link` for the
 * real-time protocol, both with the `AWS_LAMBDA` auth type (the ID token in `Authorization`,
 * checked by the API's Lambda authorizer). The token is asked for on every request, so a refreshed
 * one is used as soon as it exists.
 */
import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type OperationVariables,
  type TypedDocumentNode,
} from '@apollo/client';
import { AUTH_TYPE, createAuthLink, type AuthOptions } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import {
  ActivityTypesDocument,
  MyHistoryDocument,
  MyProgramsDocument,
  MyRankDocument,
  OnLeaderboardChangedDocument,
  ProgramsDocument,
  RecordActivityDocument,
  TeamBoardDocument,
  type ActivityTypesQuery,
  type MyHistoryQuery,
  type MyProgramsQuery,
  type MyRankQuery,
  type ProgramsQuery,
  type RecordActivityMutation,
  type TeamBoardQuery,
} from '@leaderboard/core/generated/operations';
import type { DashboardConfig } from '../view/config.ts';
import { readinessContext, readinessLink } from '../browser/readiness-link.ts';
import { describeRequestError, type RequestFailure } from '../browser/request-error.ts';
import type { RecordActivityValues } from './model/record-input.ts';

export type ActivityType = ActivityTypesQuery['activityTypes'][number];
export type Program = ProgramsQuery['programs'][number];
export type ProgramProgress = MyProgramsQuery['myPrograms'][number];
export type Standing = NonNullable<MyRankQuery['myStanding']>;
export type ActivityPage = MyHistoryQuery['myActivities'];
export type RecordedActivity = RecordActivityMutation['recordActivity'];
export type TeamBoard = TeamBoardQuery['leaderboard'];

export class EmployeeRequestError extends Error {
  override readonly name = 'EmployeeRequestError';
  constructor(readonly failure: RequestFailure) {
    super(failure.message);
  }
}

export interface BoardEvents {
  /** The server acknowledged the subscription. */
  ready(): void;
  /** A new snapshot of the board was published. */
  changed(): void;
  failed(failure: RequestFailure): void;
}

export interface EmployeeClient {
  activityTypes(): Promise<ActivityType[]>;
  activePrograms(): Promise<Program[]>;
  myPrograms(): Promise<ProgramProgress[]>;
  myStanding(boardId: string, around: number): Promise<Standing | null>;
  teamBoard(boardId: string): Promise<TeamBoard>;
  myActivities(limit: number, nextToken: string | null): Promise<ActivityPage>;
  recordActivity(input: RecordActivityValues): Promise<RecordedActivity>;
  /** Returns the function that ends the watch. */
  watchBoard(boardId: string, events: BoardEvents): () => void;
  stop(): void;
}

export function createEmployeeClient(
  config: DashboardConfig,
  idToken: () => Promise<string>,
): EmployeeClient {
  const auth = { type: AUTH_TYPE.AWS_LAMBDA, token: idToken } satisfies AuthOptions;
  const endpoint = { url: config.graphqlUrl, region: config.region, auth };
  const client = new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(endpoint),
      readinessLink,
      createSubscriptionHandshakeLink(endpoint, new HttpLink({ uri: config.graphqlUrl })),
    ]),
    // Every answer is read fresh: the page re-reads after each change rather than merging.
    cache: new InMemoryCache(),
  });

  async function query<Result, Variables extends OperationVariables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    try {
      const result = await client.query({ query: document, variables, fetchPolicy: 'no-cache' });
      if (!result.data) throw new EmployeeRequestError({ message: 'The API returned no data' });
      return result.data as Result;
    } catch (error) {
      throw error instanceof EmployeeRequestError
        ? error
        : new EmployeeRequestError(describeRequestError(error));
    }
  }

  return {
    activityTypes: async () => (await query(ActivityTypesDocument, {})).activityTypes,
    activePrograms: async () => (await query(ProgramsDocument, { status: 'ACTIVE' })).programs,
    myPrograms: async () => (await query(MyProgramsDocument, {})).myPrograms,
    myStanding: async (boardId, around) =>
      (await query(MyRankDocument, { boardId, around })).myStanding ?? null,
    teamBoard: async (boardId) => (await query(TeamBoardDocument, { boardId })).leaderboard,
    myActivities: async (limit, nextToken) =>
      (await query(MyHistoryDocument, { limit, nextToken })).myActivities,
    async recordActivity(input) {
      try {
        const result = await client.mutate({ mutation: RecordActivityDocument, variables: { input } });
        if (!result.data) throw new EmployeeRequestError({ message: 'The API returned no data' });
        return result.data.recordActivity;
      } catch (error) {
        throw error instanceof EmployeeRequestError
          ? error
          : new EmployeeRequestError(describeRequestError(error));
      }
    },
    watchBoard: (boardId, events) => watch(client, boardId, events),
    stop: () => client.stop(),
  };
}

function watch(client: ApolloClient, boardId: string, events: BoardEvents): () => void {
  let ended = false;
  const end = (failure: RequestFailure) => {
    if (ended) return;
    ended = true;
    events.failed(failure);
  };
  const subscription = client
    .subscribe({
      query: OnLeaderboardChangedDocument,
      variables: { boardId },
      fetchPolicy: 'no-cache',
      context: readinessContext(() => {
        if (!ended) events.ready();
      }),
    })
    .subscribe({
      next: (result) => {
        if (ended) return;
        if (result.error) end(describeRequestError(result.error));
        else if (result.data?.onLeaderboardChanged) events.changed();
      },
      error: (error: unknown) => end(describeRequestError(error)),
      complete: () => end({ message: 'The real-time connection closed' }),
    });
  return () => {
    ended = true;
    subscription.unsubscribe();
  };
}
