import { describe, expect, it } from 'vitest';
import { simulatedTeam } from '../../src/teams.ts';

describe('simulated teams', () => {
  it('gives team k k shares of the users, so team sizes differ', () => {
    const sizes = new Map<string, number>();
    for (let index = 0; index < 60; index += 1) {
      const team = simulatedTeam(index, 3);
      sizes.set(team, (sizes.get(team) ?? 0) + 1);
    }
    expect(Object.fromEntries(sizes)).toEqual({ 'sim-team-1': 10, 'sim-team-2': 20, 'sim-team-3': 30 });
  });

  it('puts everyone in the one team when there is one', () => {
    expect(new Set([0, 1, 2, 3].map((index) => simulatedTeam(index, 1)))).toEqual(new Set(['sim-team-1']));
  });
});
