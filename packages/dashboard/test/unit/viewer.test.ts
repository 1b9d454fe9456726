import { describe, expect, it } from 'vitest';
import { requestedUser } from '../../src/view/viewer.ts';

describe('requestedUser', () => {
  it('takes the user id from ?user=', () => {
    expect(requestedUser('?board=global&user=dave')).toBe('dave');
    expect(requestedUser('?user=%20a1b2-c3%20')).toBe('a1b2-c3');
  });

  it('is undefined without one, or for an empty or implausibly long one', () => {
    expect(requestedUser('')).toBeUndefined();
    expect(requestedUser('?user=')).toBeUndefined();
    expect(requestedUser(`?user=${'x'.repeat(129)}`)).toBeUndefined();
  });
});
