/**
 * Reads and watches boards through AppSync's own client libraries on the API key: Apollo
 * Client with `aws-appsync-auth-link` for queries and `aws-appsync-subscription-link` for the
 * real-time protocol. (The subscription link maps http to ws, so the same code reaches the
 * local runtime; Amplify v6 forces wss://.)
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { AUTH_TYPE, createAuthLink, type AuthOptions } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import {
  LeaderboardDocument,
  OnLeaderboardChangedDocument,
  ProgramsDocument,
} from '@leaderboard/core/generated/operations';
import type { PickerProgram } from '../view/boards.ts';
import type { DashboardConfig } from '../view/config.ts';
import type { BoardSnapshot } from '../view/snapshot.ts';
import { readinessContext, readinessLink } from './readiness-link.ts';
import { describeRequestError, type RequestFailure } from './request-error.ts';

export interface BoardWatchHandlers {
  /** The server acknowledged the subscription: events published from now on will arrive. */
  ready(): void;
  snapshot(snapshot: BoardSnapshot): void;
  failed(failure: RequestFailure): void;
}

export interface BoardClient {
  fetchBoard(boardId: string): Promise<BoardSnapshot>;
  /** Every program, for the picker. */
  fetchPrograms(): Promise<PickerProgram[]>;
  /** Returns the function that ends the watch. */
  watchBoard(boardId: string, handlers: BoardWatchHandlers): () => void;
  stop(): void;
}

export class BoardRequestError extends Error {
  override readonly name = 'BoardRequestError';
  constructor(readonly failure: RequestFailure) {
    super(failure.message);
  }
}

/** `rows`: how many entries a read asks for (the API caps it too). */
export function createBoardClient(config: DashboardConfig, rows: number): BoardClient {
  const auth = { type: AUTH_TYPE.API_KEY, apiKey: config.apiKey } satisfies AuthOptions;
  const endpoint = { url: config.graphqlUrl, region: config.region, auth };
  const client = new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(endpoint),
      readinessLink,
      createSubscriptionHandshakeLink(endpoint, new HttpLink({ uri: config.graphqlUrl })),
    ]),
    // Every read and event is a whole snapshot ordered by version: nothing to normalise or keep.
    cache: new InMemoryCache(),
  });

  return {
    async fetchBoard(boardId) {
      try {
        const result = await client.query({
          query: LeaderboardDocument,
          variables: { boardId, limit: rows },
          fetchPolicy: 'no-cache',
        });
        if (!result.data) throw new BoardRequestError({ message: 'The leaderboard query returned no data' });
        return result.data.leaderboard;
      } catch (error) {
        if (error instanceof BoardRequestError) throw error;
        throw new BoardRequestError(describeRequestError(error));
      }
    },

    async fetchPrograms() {
      try {
        const result = await client.query({ query: ProgramsDocument, fetchPolicy: 'no-cache' });
        if (!result.data) throw new BoardRequestError({ message: 'The programs query returned no data' });
        return result.data.programs.map(({ id, name, status }) => ({ id, name, status }));
      } catch (error) {
        if (error instanceof BoardRequestError) throw error;
        throw new BoardRequestError(describeRequestError(error));
      }
    },

    watchBoard(boardId, handlers) {
      let ended = false;
      const subscription = client
        .subscribe({
          query: OnLeaderboardChangedDocument,
          variables: { boardId },
          fetchPolicy: 'no-cache',
          // Asks the link for its control events, so the screen knows when it is really live.
          context: readinessContext(() => {
            if (!ended) handlers.ready();
          }),
        })
        .subscribe({
          next: (result) => {
            if (ended) return;
            if (result.error) {
              ended = true;
              handlers.failed(describeRequestError(result.error));
              return;
            }
            const snapshot = result.data?.onLeaderboardChanged;
            if (snapshot) handlers.snapshot(snapshot);
          },
          error: (error: unknown) => {
            if (ended) return;
            ended = true;
            handlers.failed(describeRequestError(error));
          },
          complete: () => {
            if (ended) return;
            ended = true;
            handlers.failed({ message: 'The real-time connection closed' });
          },
        });
      return () => {
        ended = true;
        subscription.unsubscribe();
      };
    },

    stop() {
      client.stop();
    },
  };
}
