/** My programs: per program, the points toward its goal as a bar (a `progressbar` to assistive technology). */
import { byId, element } from './dom.ts';
import type { ProgressLine } from './model/progress.ts';

function progressItem(line: ProgressLine): HTMLLIElement {
  const item = element(
    'li',
    { className: `progress${line.complete ? ' complete' : ''}${line.ended ? ' ended' : ''}` },
    element(
      'div',
      { className: 'progress-head' },
      element('span', { className: 'progress-name', text: line.name }),
      element('span', { className: 'progress-points', text: line.points }),
    ),
  );
  item.dataset['programId'] = line.programId;
  if (line.share !== null) {
    const fill = element('span', { className: 'progress-fill' });
    fill.style.width = `${(line.share * 100).toFixed(1)}%`;
    const bar = element(
      'span',
      {
        className: 'progress-bar',
        attributes: {
          role: 'progressbar',
          'aria-label': `${line.name}: ${line.points}`,
          'aria-valuemin': '0',
          'aria-valuemax': '100',
          'aria-valuenow': String(line.percent ?? 0),
        },
      },
      fill,
    );
    item.append(bar);
  }
  item.append(
    element('span', {
      className: 'progress-detail',
      text: line.ended ? `${line.detail} · ended` : line.detail,
    }),
  );
  return item;
}

export function showProgress(lines: readonly ProgressLine[]): void {
  byId('progress-list').replaceChildren(...lines.map(progressItem));
  byId('progress-empty').hidden = lines.length > 0;
}
