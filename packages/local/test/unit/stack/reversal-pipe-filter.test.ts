import { activitiesQueue } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../../src/emulators/event-pattern.ts';

const insertOf = (kind: string) => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: { kind: { S: kind }, pk: { S: 'REV#alice#1' } } },
});

describe('the pipe filter and reversals', () => {
  const pattern = activitiesQueue.source.filterPattern;

  it('carries reversal inserts to the worker as it does activity inserts', () => {
    expect(matchesEventPattern(pattern, insertOf('reversal'))).toBe(true);
    expect(matchesEventPattern(pattern, insertOf('activity'))).toBe(true);
  });

  it('drops the update that marks a reversal processed, and the counters beside it', () => {
    expect(matchesEventPattern(pattern, { ...insertOf('reversal'), eventName: 'MODIFY' })).toBe(false);
    expect(matchesEventPattern(pattern, insertOf('dailyPoints'))).toBe(false);
  });
});
