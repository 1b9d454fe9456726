/** The page's DOM: the picker, the status line, the ranked table, the alert and the live region. */
import { describeUpdate, entryName } from '../view/announcements.ts';
import type { BoardOption } from '../view/boards.ts';
import { connectionLabels, type ConnectionState } from '../view/connection.ts';
import { movementLabel, movementMark, movementOf } from '../view/movement.ts';
import type { BoardSnapshot } from '../view/snapshot.ts';

export class PageStructureError extends Error {
  override readonly name = 'PageStructureError';
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new PageStructureError(`the page has no ${type.name} #${id}`);
  return found;
}

const scoreFormat = new Intl.NumberFormat();
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export class BoardView {
  private readonly picker = element('board-picker', HTMLSelectElement);
  private readonly status = element('status', HTMLParagraphElement);
  private readonly statusLabel = element('status-label', HTMLSpanElement);
  private readonly asOf = element('as-of', HTMLSpanElement);
  private readonly asOfTime = element('as-of-time', HTMLTimeElement);
  private readonly alert = element('alert', HTMLDivElement);
  private readonly caption = element('board-caption', HTMLTableCaptionElement);
  private readonly rows = element('board-rows', HTMLTableSectionElement);
  private readonly empty = element('empty', HTMLParagraphElement);
  private readonly announcer = element('announcer', HTMLParagraphElement);
  private readonly footer = element('footer', HTMLElement);
  private shown: BoardSnapshot | undefined;

  showOptions(options: readonly BoardOption[], selected: string, onPick: (boardId: string) => void): void {
    this.picker.replaceChildren(
      ...options.map((option) => {
        const item = document.createElement('option');
        item.value = option.boardId;
        item.textContent = option.label;
        item.selected = option.boardId === selected;
        return item;
      }),
    );
    this.picker.disabled = false;
    this.picker.onchange = () => onPick(this.picker.value);
    this.setCaption(options, selected);
  }

  setCaption(options: readonly BoardOption[], boardId: string): void {
    this.caption.textContent = options.find((option) => option.boardId === boardId)?.label ?? boardId;
  }

  showEndpoint(realtimeUrl: string): void {
    this.footer.textContent = `Live updates from ${realtimeUrl}`;
  }

  showState(state: ConnectionState): void {
    this.status.dataset['state'] = state;
    this.statusLabel.textContent = connectionLabels[state];
  }

  showError(message: string | undefined): void {
    this.alert.hidden = message === undefined;
    this.alert.textContent = message ?? '';
  }

  /** Empties the table while another board loads. */
  clear(): void {
    this.shown = undefined;
    this.rows.replaceChildren();
    this.empty.hidden = true;
    this.asOf.hidden = true;
    this.announcer.textContent = '';
  }

  showSnapshot(snapshot: BoardSnapshot): void {
    const previous = this.shown;
    const previousScores = new Map(previous?.entries.map((entry) => [entry.userId, entry.score]));
    this.rows.replaceChildren(
      ...snapshot.entries.map((entry) => {
        const row = document.createElement('tr');
        row.dataset['userId'] = entry.userId;
        if (previous !== undefined && previousScores.get(entry.userId) !== entry.score)
          row.className = 'changed';

        const rank = document.createElement('td');
        rank.className = 'rank';
        rank.textContent = String(entry.rank);

        const movement = movementOf(entry);
        const move = document.createElement('td');
        move.className = 'movement';
        move.dataset['movement'] = movement.kind;
        const mark = document.createElement('span');
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = movementMark(movement);
        const spoken = document.createElement('span');
        spoken.className = 'visually-hidden';
        spoken.textContent = movementLabel(movement);
        move.append(mark, spoken);

        const name = document.createElement('th');
        name.scope = 'row';
        name.className = 'name';
        name.textContent = entryName(entry);

        const score = document.createElement('td');
        score.className = 'score';
        score.textContent = scoreFormat.format(entry.score);

        row.append(rank, move, name, score);
        return row;
      }),
    );
    this.empty.hidden = snapshot.entries.length > 0;
    const asOf = new Date(snapshot.asOf);
    this.asOf.hidden = snapshot.version === 0 || Number.isNaN(asOf.getTime());
    this.asOfTime.dateTime = snapshot.asOf;
    this.asOfTime.textContent = Number.isNaN(asOf.getTime()) ? '' : timeFormat.format(asOf);
    this.asOfTime.title = `version ${snapshot.version}`;
    if (previous !== undefined) this.announcer.textContent = describeUpdate(previous, snapshot);
    this.shown = snapshot;
  }
}
