import { describe, expect, it } from 'vitest';
import { classifyFailure, reconnectDelayMs } from '../../src/view/connection.ts';

describe('classifyFailure', () => {
  it('recognises a refused API key by status, error type or message', () => {
    expect(classifyFailure({ message: 'x', status: 401 }).kind).toBe('unauthorized');
    expect(classifyFailure({ message: 'x', errorTypes: ['UnauthorizedException'] }).kind).toBe(
      'unauthorized',
    );
    expect(
      classifyFailure({ message: 'Connection failed: {"errors":[{"errorType":"UnauthorizedException"}]}' })
        .kind,
    ).toBe('unauthorized');
    expect(classifyFailure({ message: 'x', status: 401 }).message).toMatch(/API key was refused/);
  });

  it('tells an unreachable API from an error it answered with', () => {
    expect(classifyFailure({ message: 'Failed to fetch' }).kind).toBe('unreachable');
    expect(classifyFailure({ message: 'Connection closed' }).kind).toBe('unreachable');
    expect(classifyFailure({ message: 'Internal failure', errorTypes: ['InternalFailure'] }).kind).toBe(
      'server',
    );
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from about a second and stops at 30 s', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => reconnectDelayMs(attempt, middle))).toEqual([
      750, 1500, 3000, 6000, 12000, 22500, 22500, 22500,
    ]);
  });

  it('spreads retries between half and all of the step', () => {
    expect(reconnectDelayMs(3, () => 0)).toBe(2000);
    expect(reconnectDelayMs(3, () => 1)).toBe(4000);
  });
});
