/** My rank on the picked board, the people just above and below me, and whether it is live. */
import { connectionLabels, type ConnectionState } from '../view/connection.ts';
import { byId, element } from './dom.ts';
import type { StandingBoard } from './model/boards.ts';
import type { StandingSummary } from './model/standing.ts';

export function showBoards(
  boards: readonly StandingBoard[],
  selected: string,
  onPick: (boardId: string) => void,
): void {
  const select = byId<HTMLSelectElement>('standing-board');
  select.replaceChildren(
    ...boards.map((board) => element('option', { text: board.label, attributes: { value: board.boardId } })),
  );
  select.value = selected;
  select.onchange = () => onPick(select.value);
}

export function showStanding(summary: StandingSummary): void {
  byId('my-rank').textContent = summary.rank;
  byId('rank-context').textContent = summary.context;
  byId('my-score').textContent = summary.score;
  byId('rank-estimate').hidden = !summary.estimate;
  byId('around').replaceChildren(
    ...summary.rows.map((row) => {
      const item = element(
        'li',
        { className: row.own ? 'own' : '' },
        element('span', { className: 'around-rank', text: `#${row.rank}` }),
        element('span', { className: 'around-name', text: row.name }),
        element('span', { className: 'around-score', text: row.score.toLocaleString('en') }),
      );
      if (row.own) item.setAttribute('aria-current', 'true');
      item.dataset['userId'] = row.userId;
      return item;
    }),
  );
}

export function showLive(state: ConnectionState): void {
  byId('live').dataset['state'] = state;
  byId('live-label').textContent = connectionLabels[state];
}
