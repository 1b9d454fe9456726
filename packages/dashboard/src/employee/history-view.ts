/** My history, newest first, a page at a time. */
import { byId, element } from './dom.ts';
import type { HistoryLine } from './model/history.ts';

function historyItem(line: HistoryLine): HTMLLIElement {
  const item = element(
    'li',
    { className: line.reversed ? 'reversed' : '' },
    element(
      'div',
      { className: 'history-head' },
      element('span', { className: 'history-what', text: `${line.what} · ${line.amount}` }),
      element('span', { className: 'history-points', text: line.points }),
    ),
    element(
      'div',
      { className: 'history-meta' },
      element('time', { text: line.when, attributes: { datetime: line.occurredAt } }),
      ...(line.program ? [element('span', { text: line.program })] : []),
    ),
    ...(line.reversed ? [element('p', { className: 'history-reversed', text: line.reversed })] : []),
  );
  item.dataset['activityId'] = line.id;
  return item;
}

/** `append`: another page below the shown ones; otherwise the list starts over. */
export function showHistory(
  lines: readonly HistoryLine[],
  options: { append: boolean; more: boolean },
): void {
  const list = byId('history');
  const items = lines.map(historyItem);
  if (options.append) list.append(...items);
  else list.replaceChildren(...items);
  byId('history-empty').hidden = list.childElementCount > 0;
  byId('history-more').hidden = !options.more;
}
