/**
 * The ranked rows: one element per user, kept across snapshots so a rank change can move the
 * row (FLIP: drawn at its old place, then eased to the new one by the stylesheet's transition,
 * which `prefers-reduced-motion` turns off). Only the rows that fit the board's height are
 * shown; the rest are counted in a "+N more" line.
 */
import { entryName } from '../view/announcements.ts';
import { rowsThatFit, visibleRows, moreLabel } from '../view/fit.ts';
import { enteringIds, flipOffsets } from '../view/motion.ts';
import { movementLabel, movementMark } from '../view/movement.ts';
import { rowModels, type RowModel } from '../view/rows.ts';
import type { BoardEntry } from '../view/snapshot.ts';

const scoreFormat = new Intl.NumberFormat();

export interface BoardRowsElements {
  /** The table body the rows go in. */
  readonly body: HTMLTableSectionElement;
  /** The box whose height the table must fit in. */
  readonly frame: HTMLElement;
  /** The "+N more" line, inside `frame` after the table. */
  readonly more: HTMLElement;
}

export class BoardRows {
  private readonly rowsById = new Map<string, HTMLTableRowElement>();
  private models: RowModel[] = [];

  constructor(
    private readonly elements: BoardRowsElements,
    private readonly ownUserId: string | undefined,
  ) {
    // Re-fits when the board's box changes: a resized window, an alert shown, a wrapped header.
    new ResizeObserver(() => this.fit()).observe(elements.frame);
  }

  clear(): void {
    this.models = [];
    this.rowsById.clear();
    this.elements.body.replaceChildren();
    this.elements.more.hidden = true;
  }

  /**
   * Shows `entries` in rank order. With `animate`, rows on screen before and after travel
   * from their old place, rows new on screen fade in, and rows in `changedIds` flash.
   */
  show(entries: readonly BoardEntry[], animate: boolean, changedIds: ReadonlySet<string>): void {
    const before = this.visibleTops();
    this.models = rowModels(entries, this.ownUserId);
    const rows = this.models.map((model) => this.rowFor(model));
    this.place(rows);
    this.fit();
    if (!animate) {
      for (const model of this.models) this.setShare(model);
      return;
    }
    this.play(before, changedIds);
  }

  /** Shows the leading rows that fit the frame (and the viewer's own row), hides the rest. */
  fit(): void {
    const { body, frame, more } = this.elements;
    const rows = this.models.map((model) => this.rowsById.get(model.entry.userId)!);
    for (const row of rows) row.hidden = false;
    more.hidden = false;
    const table = body.closest('table') ?? body;
    const available =
      frame.clientHeight - (table.getBoundingClientRect().height - body.getBoundingClientRect().height);
    const fit = rowsThatFit({
      rowHeights: rows.map((row) => row.getBoundingClientRect().height),
      available,
      moreHeight: more.getBoundingClientRect().height,
    });
    const ownIndex = this.models.findIndex((model) => model.own);
    const visible = visibleRows(rows.length, fit, ownIndex === -1 ? undefined : ownIndex);
    const shown = new Set(visible.indices);
    rows.forEach((row, index) => {
      row.hidden = !shown.has(index);
      row.classList.toggle('after-gap', shown.has(index) && index > 0 && !shown.has(index - 1));
    });
    more.hidden = visible.hidden === 0;
    more.textContent = moreLabel(visible.hidden);
  }

  /** Puts `rows` in the body in order, moving only the rows that are out of place. */
  private place(rows: readonly HTMLTableRowElement[]): void {
    const { body } = this.elements;
    rows.forEach((row, index) => {
      if (body.children[index] !== row) body.insertBefore(row, body.children[index] ?? null);
    });
    while (body.children.length > rows.length) body.lastElementChild?.remove();
    const current = new Set(this.models.map((model) => model.entry.userId));
    for (const id of this.rowsById.keys()) if (!current.has(id)) this.rowsById.delete(id);
  }

  private visibleTops(): Map<string, number> {
    const tops = new Map<string, number>();
    for (const [id, row] of this.rowsById) {
      if (!row.hidden && row.isConnected) tops.set(id, row.getBoundingClientRect().top);
    }
    return tops;
  }

  /** Draws moved rows at their old place, then lets the transition carry them to the new one. */
  private play(before: ReadonlyMap<string, number>, changedIds: ReadonlySet<string>): void {
    const after = this.visibleTops();
    const offsets = flipOffsets(before, after);
    const rowsOf = (ids: Iterable<string>) => [...ids].flatMap((id) => this.rowsById.get(id) ?? []);
    const moving = rowsOf(offsets.keys());
    const entering = rowsOf(enteringIds(before, after));
    const changed = rowsOf(changedIds);
    for (const row of moving) {
      row.style.transition = 'none';
      row.style.transform = `translateY(${offsets.get(row.dataset['userId']!)}px)`;
    }
    for (const row of entering) row.classList.remove('entering');
    for (const row of changed) row.classList.remove('changed');
    // Reading layout commits the old places (and old bar lengths) as the transitions' start.
    this.elements.body.getBoundingClientRect();
    for (const row of moving) {
      row.style.transition = '';
      row.style.transform = '';
    }
    for (const row of entering) row.classList.add('entering');
    for (const row of changed) row.classList.add('changed');
    for (const model of this.models) this.setShare(model);
  }

  private setShare(model: RowModel): void {
    this.rowsById.get(model.entry.userId)?.style.setProperty('--share', String(model.share));
  }

  private rowFor(model: RowModel): HTMLTableRowElement {
    const id = model.entry.userId;
    let row = this.rowsById.get(id);
    if (!row) {
      row = createRow(id);
      this.rowsById.set(id, row);
    }
    fillRow(row, model);
    return row;
  }
}

function cell<K extends 'td' | 'th'>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}

function span(className: string, hiddenFromSpeech = false): HTMLSpanElement {
  const created = document.createElement('span');
  created.className = className;
  if (hiddenFromSpeech) created.setAttribute('aria-hidden', 'true');
  return created;
}

function createRow(userId: string): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset['userId'] = userId;
  row.style.setProperty('--share', '0');
  const rank = cell('td', 'rank');
  rank.append(span('rank-badge'));
  const move = cell('td', 'movement');
  move.append(span('movement-mark', true), span('visually-hidden movement-spoken'));
  const name = cell('th', 'name');
  name.scope = 'row';
  const line = span('name-line');
  line.append(span('name-text'));
  name.append(span('bar', true), line);
  row.append(rank, move, name, cell('td', 'score'));
  return row;
}

function fillRow(row: HTMLTableRowElement, model: RowModel): void {
  const { entry, movement, medal, own } = model;
  if (medal) row.dataset['medal'] = medal;
  else delete row.dataset['medal'];
  if (own) row.setAttribute('aria-current', 'true');
  else row.removeAttribute('aria-current');
  row.querySelector('.rank-badge')!.textContent = String(entry.rank);
  (row.querySelector('td.movement') as HTMLElement).dataset['movement'] = movement.kind;
  row.querySelector('.movement-mark')!.textContent = movementMark(movement);
  row.querySelector('.movement-spoken')!.textContent = movementLabel(movement);
  row.querySelector('.name-text')!.textContent = entryName(entry);
  row.querySelector('.you-tag')?.remove();
  if (own) row.querySelector('.name-line')!.append(youTag());
  row.querySelector('td.score')!.textContent = scoreFormat.format(entry.score);
}

function youTag(): HTMLSpanElement {
  const tag = span('you-tag');
  tag.textContent = 'You';
  return tag;
}
