import { activitiesQueue } from '@leaderboard/core';
import { describe, expect, it } from 'vitest';
import {
  EventPatternError,
  matchesEventPattern,
  validateEventPattern,
} from '../../../src/emulators/event-pattern.ts';

const activityInsert = {
  eventName: 'INSERT',
  dynamodb: { NewImage: { kind: { S: 'activity' }, pk: { S: 'ACT#alice#1' } } },
};

describe('matchesEventPattern with the pipe filter from the queue spec', () => {
  const pattern = activitiesQueue.source.filterPattern;

  it('keeps an activity insert', () => {
    expect(matchesEventPattern(pattern, activityInsert)).toBe(true);
  });

  it('drops modifications and removals of activities', () => {
    expect(matchesEventPattern(pattern, { ...activityInsert, eventName: 'MODIFY' })).toBe(false);
    expect(matchesEventPattern(pattern, { ...activityInsert, eventName: 'REMOVE' })).toBe(false);
  });

  it('drops inserts of other item kinds and items without a kind', () => {
    expect(
      matchesEventPattern(pattern, { eventName: 'INSERT', dynamodb: { NewImage: { kind: { S: 'rate' } } } }),
    ).toBe(false);
    expect(
      matchesEventPattern(pattern, { eventName: 'INSERT', dynamodb: { NewImage: { pk: { S: 'x' } } } }),
    ).toBe(false);
    expect(matchesEventPattern(pattern, { eventName: 'INSERT', dynamodb: { Keys: {} } })).toBe(false);
  });

  it('does not confuse a value of another type with the expected string', () => {
    expect(
      matchesEventPattern(pattern, {
        eventName: 'INSERT',
        dynamodb: { NewImage: { kind: { N: 'activity' } } },
      }),
    ).toBe(false);
  });
});

describe('matchesEventPattern rules', () => {
  it('matches any alternative of a leaf and any element of an event array', () => {
    expect(matchesEventPattern({ a: ['x', 'y'] }, { a: 'y' })).toBe(true);
    expect(matchesEventPattern({ a: ['x'] }, { a: ['z', 'x'] })).toBe(true);
    expect(matchesEventPattern({ a: ['x'] }, { a: ['z'] })).toBe(false);
  });

  it('requires every field the pattern names', () => {
    expect(matchesEventPattern({ a: ['x'], b: [1] }, { a: 'x', b: 1 })).toBe(true);
    expect(matchesEventPattern({ a: ['x'], b: [1] }, { a: 'x', b: 2 })).toBe(false);
    expect(matchesEventPattern({ a: ['x'], b: [1] }, { a: 'x' })).toBe(false);
  });

  it('tells null from a missing field', () => {
    expect(matchesEventPattern({ a: [null] }, { a: null })).toBe(true);
    expect(matchesEventPattern({ a: [null] }, {})).toBe(false);
  });

  it('implements prefix, suffix, equals-ignore-case and wildcard', () => {
    expect(matchesEventPattern({ a: [{ prefix: 'ACT#' }] }, { a: 'ACT#bob' })).toBe(true);
    expect(matchesEventPattern({ a: [{ prefix: 'ACT#' }] }, { a: 'RATE#bob' })).toBe(false);
    expect(matchesEventPattern({ a: [{ prefix: { 'equals-ignore-case': 'act#' } }] }, { a: 'ACT#bob' })).toBe(
      true,
    );
    expect(matchesEventPattern({ a: [{ suffix: '.png' }] }, { a: 'x.png' })).toBe(true);
    expect(matchesEventPattern({ a: [{ 'equals-ignore-case': 'Alice' }] }, { a: 'aLICE' })).toBe(true);
    expect(matchesEventPattern({ a: [{ wildcard: 'a*c' }] }, { a: 'abbc' })).toBe(true);
    expect(matchesEventPattern({ a: [{ wildcard: 'a*c' }] }, { a: 'abbd' })).toBe(false);
  });

  it('implements anything-but, numeric ranges and exists', () => {
    expect(matchesEventPattern({ a: [{ 'anything-but': ['x', 'y'] }] }, { a: 'z' })).toBe(true);
    expect(matchesEventPattern({ a: [{ 'anything-but': ['x', 'y'] }] }, { a: 'y' })).toBe(false);
    expect(matchesEventPattern({ a: [{ 'anything-but': { prefix: 'R' } }] }, { a: 'RATE' })).toBe(false);
    expect(matchesEventPattern({ n: [{ numeric: ['>', 0, '<=', 5] }] }, { n: 5 })).toBe(true);
    expect(matchesEventPattern({ n: [{ numeric: ['>', 0, '<=', 5] }] }, { n: 6 })).toBe(false);
    expect(matchesEventPattern({ n: [{ numeric: ['>', 0] }] }, { n: '6' })).toBe(false);
    expect(matchesEventPattern({ a: [{ exists: true }] }, { a: 1 })).toBe(true);
    expect(matchesEventPattern({ a: [{ exists: false }] }, {})).toBe(true);
    expect(matchesEventPattern({ a: [{ exists: false }] }, { a: 1 })).toBe(false);
  });

  it('refuses malformed patterns and operators it does not implement', () => {
    expect(() => validateEventPattern({ a: 'x' })).toThrow(EventPatternError);
    expect(() => validateEventPattern({ a: [] })).toThrow(EventPatternError);
    expect(() => validateEventPattern({ a: [{ cidr: '10.0.0.0/8' }] })).toThrow(
      /unsupported operator "cidr"/,
    );
    expect(() => validateEventPattern({ a: [{ numeric: ['~', 1] }] })).toThrow(EventPatternError);
    expect(() => validateEventPattern(activitiesQueue.source.filterPattern)).not.toThrow();
  });
});
