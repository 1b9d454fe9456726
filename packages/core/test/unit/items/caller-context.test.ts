import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { encodeCallerContext, parseCallerContext } from '../../../src/items/caller-context.ts';
import { decodeCallerContext } from '../../../src/items/decode.ts';
import { without, withAttribute } from './support.ts';

const caller = { userId: 'user-1', displayName: 'Ada Lovelace', groups: ['staff', 'admins'], teamId: null };
const context = { userId: 'user-1', displayName: 'Ada Lovelace', groups: 'staff,admins' };

describe('caller context codec', () => {
  it('passes the caller as the string values AppSync takes, and reads them back', () => {
    expect(encodeCallerContext(caller)).toEqual(context);
    expect(decodeCallerContext(context)).toEqual(caller);
    const groupless = { ...caller, groups: [] };
    expect(encodeCallerContext(groupless)).toEqual({ ...context, groups: '' });
    expect(decodeCallerContext(encodeCallerContext(groupless))).toEqual(groupless);
  });

  it('passes a team only when the caller has one', () => {
    const teamed = { ...caller, teamId: 'blue-team' };
    expect(encodeCallerContext(teamed)).toEqual({ ...context, teamId: 'blue-team' });
    expect(decodeCallerContext(encodeCallerContext(teamed))).toEqual(teamed);
    expect(encodeCallerContext(caller)).not.toHaveProperty('teamId');
    expect(parseCallerContext({ ...context, teamId: '' }).ok).toBe(false);
  });

  it('leaves out groups the separator would split', () => {
    expect(encodeCallerContext({ ...caller, groups: ['staff', 'a,b', ''] }).groups).toBe('staff');
  });

  it.each<[string, unknown]>([
    ['no user id', without(context, 'userId')],
    ['an empty user id', withAttribute(context, 'userId', '')],
    ['no display name', without(context, 'displayName')],
    ['no groups', without(context, 'groups')],
    ['no context at all', undefined],
  ])('refuses a context with %s', (_, resolverContext) => {
    expect(parseCallerContext(resolverContext).ok).toBe(false);
    expect(() => decodeCallerContext(resolverContext)).toThrow(MalformedItemError);
  });
});
