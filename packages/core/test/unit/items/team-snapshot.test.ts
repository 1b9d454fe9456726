import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeTeamSnapshot } from '../../../src/items/decode.ts';
import { encodeTeamSnapshot, type TeamBoardSnapshot } from '../../../src/items/team-snapshot.ts';
import { withAttribute } from './support.ts';

const snapshot: TeamBoardSnapshot = {
  boardId: 'team:global',
  version: 4,
  asOf: '2026-11-20T08:05:00.000Z',
  byPoints: [
    { rank: 1, previousRank: 2, teamId: 'big', points: 900, members: 9 },
    { rank: 2, previousRank: null, teamId: 'small', points: 300, members: 2 },
  ],
  byPointsPerMember: [
    { rank: 1, previousRank: 1, teamId: 'small', points: 300, members: 2 },
    { rank: 2, previousRank: null, teamId: 'big', points: 900, members: 9 },
  ],
  publishedVersion: 3,
};

const stored = {
  pk: 'BOARD#team:global',
  sk: 'SNAPSHOT',
  kind: 'teamSnapshot',
  boardId: 'team:global',
  version: 4,
  asOf: '2026-11-20T08:05:00.000Z',
  byPoints: snapshot.byPoints,
  byPointsPerMember: snapshot.byPointsPerMember,
  publishedVersion: 3,
};

describe('team snapshot codec', () => {
  it('stores both orders under the board snapshot key, and reads them back', () => {
    expect(encodeTeamSnapshot(snapshot)).toEqual(stored);
    expect(decodeTeamSnapshot(stored)).toEqual(snapshot);
  });

  it.each<[string, string, unknown]>([
    ['a user snapshot', 'kind', withAttribute(stored, 'kind', 'snapshot')],
    ['no second order', 'byPointsPerMember', withAttribute(stored, 'byPointsPerMember', undefined)],
    [
      'a team without members',
      'byPoints 1: members',
      withAttribute(stored, 'byPoints', [snapshot.byPoints[0], { ...snapshot.byPoints[1], members: 'two' }]),
    ],
    ['a board other than its key', 'pk', withAttribute(stored, 'boardId', 'team:week:2026-W47')],
  ])('refuses %s, naming %s', (_, named, item) => {
    expect(() => decodeTeamSnapshot(item)).toThrow(MalformedItemError);
    expect(() => decodeTeamSnapshot(item)).toThrow(named);
  });
});
