/**
 * Team boards and myStanding through the whole local stack: users whose tokens name their team
 * record activities over GraphQL; a dashboard subscribed to a team board receives both team
 * orders; and a standing past the snapshot comes from the StandingReader function, called as
 * the API's Lambda data source with that data source's role.
 */
import { serviceConfig } from '@leaderboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../src/stack/local-stack.ts';
import { dashboardClient, postGraphQL, recordActivityMutation, subscribe, until } from './stack-test-kit.ts';

interface TeamRow {
  teamId: string;
  rank: number;
  points: number;
  members: number;
}

interface TeamBoardEvent {
  onLeaderboardChanged: {
    boardId: string;
    teams: { byPoints: TeamRow[]; byPointsPerMember: TeamRow[] } | null;
  };
}

/** Big: 4 members of 60 points (240, 60 a member). Small: 2 members of 100 (200, 100 a member). */
const members = [
  ...['b1', 'b2', 'b3', 'b4'].map((user) => ({ user, team: 'big', type: 'cycling', quantity: 60 })),
  ...['s1', 's2'].map((user) => ({ user, team: 'small', type: 'running', quantity: 50 })),
];

let stack: LocalStack;
let startedAt: number;

beforeAll(async () => {
  stack = await startLocalStack({ rebuildIntervalMs: 2_000, log: () => undefined });
  startedAt = Date.now();
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('teams and standings on the local stack', () => {
  it('publishes both team orders to a subscribed dashboard, and ranks past the snapshot through the Lambda data source', async () => {
    const watch = subscribe<TeamBoardEvent>(
      dashboardClient(stack.graphqlUrl, stack.apiKey, stack.region),
      `subscription Watch($boardId: ID) {
        onLeaderboardChanged(boardId: $boardId) {
          boardId
          teams {
            byPoints { teamId rank points members }
            byPointsPerMember { teamId rank points members }
          }
        }
      }`,
      { boardId: 'team:global' },
    );
    await until(() => stack.subscriptionCount() === 1, 'the dashboard subscription', 10_000);
    const tokens = new Map<string, string>();
    for (const { user, team } of members) {
      tokens.set(user, await stack.mintToken({ sub: user, claims: { [serviceConfig.teamClaim]: team } }));
    }
    // The first activity seconds after start-up, as in the end-to-end test: the stream is young.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 3_500 - Date.now())));
    for (const { user, type, quantity } of members) {
      const response = await postGraphQL(
        stack.graphqlUrl,
        recordActivityMutation,
        { input: { type, quantity } },
        { authorization: tokens.get(user)! },
      );
      expect(response.errors).toBeUndefined();
    }

    const expected = {
      byPoints: [
        { teamId: 'big', rank: 1, points: 240, members: 4 },
        { teamId: 'small', rank: 2, points: 200, members: 2 },
      ],
      byPointsPerMember: [
        { teamId: 'small', rank: 1, points: 200, members: 2 },
        { teamId: 'big', rank: 2, points: 240, members: 4 },
      ],
    };
    // Apollo adds `__typename` to what it receives: compare the fields asked for.
    const rows = (list: TeamRow[] | undefined) =>
      (list ?? []).map(({ teamId, rank, points, members }) => ({ teamId, rank, points, members }));
    const received = (event: { data?: TeamBoardEvent }) => {
      const teams = event.data?.onLeaderboardChanged.teams;
      return { byPoints: rows(teams?.byPoints), byPointsPerMember: rows(teams?.byPointsPerMember) };
    };
    await until(
      () => watch.received.some((event) => JSON.stringify(received(event)) === JSON.stringify(expected)),
      'both team orders on the subscription',
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\nreceived: ${JSON.stringify(watch.received)}`);
    });
    watch.unsubscribe();

    // The last of six users, with two neighbours asked for below: past any snapshot, so counted live.
    const standing = await postGraphQL<{
      myStanding: {
        rank: number;
        exact: boolean;
        rankedUsers: number | null;
        above: { userId: string }[];
        below: unknown[];
      };
    }>(
      stack.graphqlUrl,
      `query Standing($around: Int) {
        myStanding(around: $around) { rank exact rankedUsers above { rank userId score } below { rank userId } }
      }`,
      { around: 2 },
      { authorization: tokens.get('b4')! },
    );
    expect(standing.errors).toBeUndefined();
    expect(standing.data?.myStanding).toMatchObject({ rank: 6, exact: true, rankedUsers: 6, below: [] });
    expect(standing.data?.myStanding.above.map((entry) => entry.userId)).toEqual(['b2', 'b3']);
  });
});
