/** My team: its name and its places on the team board of the picked board. */
import { byId, element } from './dom.ts';
import type { TeamSummary } from './model/team.ts';

export function showTeam(summary: TeamSummary | null): void {
  const target = byId('team');
  if (!summary) {
    target.replaceChildren(element('p', { className: 'empty', text: 'You are not in a team.' }));
    return;
  }
  const facts = [summary.byPoints, summary.byPointsPerMember, summary.points].filter(
    (fact): fact is string => fact !== null,
  );
  target.replaceChildren(
    element('p', { className: 'team-name', text: summary.teamId }),
    facts.length > 0
      ? element('ul', { className: 'team-facts' }, ...facts.map((fact) => element('li', { text: fact })))
      : element('p', { className: 'empty', text: 'Your team has no points on this board yet.' }),
  );
}
