import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeTeamCounter } from '../../../src/items/decode.ts';
import {
  encodeTeamCounter,
  teamCounterIncrement,
  teamCounterKey,
  teamCounterPartition,
  type TeamCounter,
} from '../../../src/items/team-counter.ts';
import { without, withAttribute } from './support.ts';

const counter: TeamCounter = {
  boardId: 'program:spring',
  shard: 5,
  teamId: 'blue-team',
  points: 420,
  members: 3,
  updatedAt: '2026-11-20T08:05:02.000Z',
};

const stored = {
  pk: 'TEAMS#program:spring#5',
  sk: 'TEAM#blue-team',
  kind: 'teamCounter',
  boardId: 'program:spring',
  teamId: 'blue-team',
  points: 420,
  members: 3,
  updatedAt: '2026-11-20T08:05:02.000Z',
};

describe('team counter codec', () => {
  it("keeps a board's teams of one shard in one partition, and reads back what it writes", () => {
    expect(teamCounterPartition('program:spring', 5)).toBe('TEAMS#program:spring#5');
    expect(teamCounterKey('program:spring', 5, 'blue-team')).toEqual({ pk: stored.pk, sk: stored.sk });
    expect(encodeTeamCounter(counter)).toEqual(stored);
    expect(decodeTeamCounter(stored)).toEqual(counter);
  });

  it('adds points, and a member only for a user new to the team', () => {
    const change = { boardId: 'global', teamId: 'red', points: 12, updatedAt: counter.updatedAt };
    expect(teamCounterIncrement({ ...change, newMember: true }).values).toMatchObject({
      ':points': 12,
      ':members': 1,
    });
    expect(teamCounterIncrement({ ...change, newMember: false }).values).toMatchObject({ ':members': 0 });
    expect(teamCounterIncrement({ ...change, newMember: false }).expression).toContain(
      'ADD #points :points, #members :members',
    );
  });

  it.each<[string, string, unknown]>([
    ['no points', 'points', without(stored, 'points')],
    ['negative members', 'members', withAttribute(stored, 'members', -1)],
    ['a key without a shard', 'pk', withAttribute(stored, 'pk', 'TEAMS#program:spring#x')],
    ['a team other than its key', 'sk', withAttribute(stored, 'teamId', 'red-team')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'total')],
  ])('refuses a counter with %s, naming %s', (_, named, item) => {
    expect(() => decodeTeamCounter(item)).toThrow(MalformedItemError);
    expect(() => decodeTeamCounter(item)).toThrow(named);
  });
});
