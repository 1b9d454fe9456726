import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeTeamAssignment } from '../../../src/items/decode.ts';
import {
  encodeTeamAssignment,
  teamAssignmentKey,
  type TeamAssignment,
} from '../../../src/items/team-assignment.ts';
import { without, withAttribute } from './support.ts';

const assignment: TeamAssignment = {
  userId: 'ada',
  teamId: 'blue-team',
  assignedBy: 'admin-1',
  assignedAt: '2026-11-20T08:05:00.000Z',
};

const stored = {
  pk: 'USER#ada',
  sk: 'TEAM',
  kind: 'teamAssignment',
  userId: 'ada',
  teamId: 'blue-team',
  assignedBy: 'admin-1',
  assignedAt: '2026-11-20T08:05:00.000Z',
};

describe('team assignment codec', () => {
  it("sits in the user's partition, and reads back what it writes", () => {
    expect(teamAssignmentKey('ada')).toEqual({ pk: 'USER#ada', sk: 'TEAM' });
    expect(encodeTeamAssignment(assignment)).toEqual(stored);
    expect(decodeTeamAssignment(stored)).toEqual(assignment);
  });

  it.each<[string, string, unknown]>([
    ['no team', 'teamId', without(stored, 'teamId')],
    ['no admin', 'assignedBy', without(stored, 'assignedBy')],
    ['a user other than its key', 'pk', withAttribute(stored, 'userId', 'grace')],
    ['another kind', 'kind', withAttribute(stored, 'kind', 'total')],
  ])('refuses an assignment with %s, naming %s', (_, named, item) => {
    expect(() => decodeTeamAssignment(item)).toThrow(MalformedItemError);
    expect(() => decodeTeamAssignment(item)).toThrow(named);
  });
});
