/** The page's DOM: the picker, the status line, the ranked table, the alert and the live region. */
import { describeUpdate } from '../view/announcements.ts';
import { groupedOptions, type BoardOption } from '../view/boards.ts';
import { connectionLabels, type ConnectionState } from '../view/connection.ts';
import type { BoardSnapshot } from '../view/snapshot.ts';
import { BoardRows } from './board-rows.ts';

export class PageStructureError extends Error {
  override readonly name = 'PageStructureError';
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new PageStructureError(`the page has no ${type.name} #${id}`);
  return found;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface BoardViewOptions {
  /** Most entries of a snapshot the table takes (`?rows=`); it shows those that fit. */
  readonly rowLimit: number;
  /** The viewer's user id (`?user=`): their row is highlighted. */
  readonly ownUserId: string | undefined;
}

export class BoardView {
  private readonly picker = element('board-picker', HTMLSelectElement);
  private readonly status = element('status', HTMLParagraphElement);
  private readonly statusLabel = element('status-label', HTMLSpanElement);
  private readonly asOf = element('as-of', HTMLSpanElement);
  private readonly asOfTime = element('as-of-time', HTMLTimeElement);
  private readonly alert = element('alert', HTMLDivElement);
  private readonly caption = element('board-caption', HTMLTableCaptionElement);
  private readonly rows: BoardRows;
  private readonly empty = element('empty', HTMLParagraphElement);
  private readonly announcer = element('announcer', HTMLParagraphElement);
  private readonly footer = element('footer', HTMLElement);
  private shown: BoardSnapshot | undefined;

  constructor(private readonly options: BoardViewOptions) {
    this.rows = new BoardRows(
      {
        body: element('board-rows', HTMLTableSectionElement),
        frame: element('board-frame', HTMLDivElement),
        more: element('more', HTMLParagraphElement),
      },
      options.ownUserId,
    );
  }

  showOptions(options: readonly BoardOption[], selected: string, onPick: (boardId: string) => void): void {
    this.picker.replaceChildren(
      ...groupedOptions(options).map(({ group, options: grouped }) => {
        const heading = document.createElement('optgroup');
        heading.label = group;
        heading.append(
          ...grouped.map((option) => {
            const item = document.createElement('option');
            item.value = option.boardId;
            item.textContent = option.label;
            item.selected = option.boardId === selected;
            return item;
          }),
        );
        return heading;
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
    this.rows.clear();
    this.empty.hidden = true;
    this.asOf.hidden = true;
    this.announcer.textContent = '';
  }

  showSnapshot(snapshot: BoardSnapshot): void {
    const previous = this.shown;
    const previousScores = new Map(previous?.entries.map((entry) => [entry.userId, entry.score]));
    const entries = snapshot.entries.slice(0, this.options.rowLimit);
    const changedIds = new Set(
      previous === undefined
        ? []
        : entries.filter((entry) => previousScores.get(entry.userId) !== entry.score).map((e) => e.userId),
    );
    // The header first: its "as of" line can wrap and change the height the rows fit in.
    const asOf = new Date(snapshot.asOf);
    this.asOf.hidden = snapshot.version === 0 || Number.isNaN(asOf.getTime());
    this.asOfTime.dateTime = snapshot.asOf;
    this.asOfTime.textContent = Number.isNaN(asOf.getTime()) ? '' : timeFormat.format(asOf);
    this.asOfTime.title = `version ${snapshot.version}`;
    this.empty.hidden = snapshot.entries.length > 0;
    this.rows.show(entries, previous !== undefined, changedIds);
    if (previous !== undefined) this.announcer.textContent = describeUpdate(previous, snapshot);
    this.shown = snapshot;
  }
}
