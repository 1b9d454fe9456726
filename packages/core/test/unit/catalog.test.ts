import { describe, expect, it } from 'vitest';
import {
  activityCatalog,
  describePointsRule,
  findActivityDefinition,
  pointsPerUnit,
} from '../../src/catalog.ts';
import { pointsFor, pointsWithinDailyCap } from '../../src/scoring.ts';

describe('activity catalog', () => {
  it('has unique types with positive rules and caps', () => {
    const types = activityCatalog.map((definition) => definition.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(['steps', 'running', 'cycling', 'workout', 'yoga']));
    for (const definition of activityCatalog) {
      expect(definition.points).toBeGreaterThan(0);
      expect(definition.per).toBeGreaterThan(0);
      expect(definition.maxQuantityPerActivity).toBeGreaterThan(0);
      expect(Number.isInteger(definition.maxPointsPerDay)).toBe(true);
    }
  });

  it('finds definitions by type and nothing else', () => {
    expect(findActivityDefinition('steps')?.unit).toBe('steps');
    expect(findActivityDefinition('Steps')).toBeNull();
    expect(findActivityDefinition('')).toBeNull();
  });

  it('describes rules for people', () => {
    expect(describePointsRule(findActivityDefinition('steps')!)).toBe('1 point per 100 steps');
    expect(describePointsRule(findActivityDefinition('running')!)).toBe('2 points per minute');
    expect(pointsPerUnit(findActivityDefinition('steps')!)).toBe(0.01);
  });
});

describe('scoring', () => {
  const steps = findActivityDefinition('steps')!;
  const running = findActivityDefinition('running')!;
  const cycling = findActivityDefinition('cycling')!;

  it('floors points per the rule', () => {
    expect(pointsFor(steps, 10_000)).toBe(100);
    expect(pointsFor(steps, 199)).toBe(1);
    expect(pointsFor(steps, 99)).toBe(0);
    expect(pointsFor(running, 30)).toBe(60);
    expect(pointsFor(cycling, 12.7)).toBe(12);
  });

  it('is not fooled by binary float error', () => {
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    expect(pointsFor({ ...steps, points: 100, per: 1 }, 0.29)).toBe(29);
    expect(pointsFor({ ...steps, points: 1, per: 10 }, 2.9999999)).toBe(0);
  });

  it('caps points per day', () => {
    expect(pointsWithinDailyCap(50, 0, 300)).toBe(50);
    expect(pointsWithinDailyCap(50, 280, 300)).toBe(20);
    expect(pointsWithinDailyCap(50, 300, 300)).toBe(0);
    expect(pointsWithinDailyCap(50, 350, 300)).toBe(0);
  });
});
