/**
 * How `pnpm simulate` spreads its users over teams: team `k` (from 1) gets `k` shares, so teams
 * differ in size and the two team orders (points, points per member) can disagree.
 */
export function simulatedTeam(userIndex: number, teamCount: number): string {
  const shares: number[] = [];
  for (let team = 1; team <= teamCount; team += 1)
    for (let share = 0; share < team; share += 1) shares.push(team);
  return `sim-team-${shares[userIndex % shares.length]}`;
}
