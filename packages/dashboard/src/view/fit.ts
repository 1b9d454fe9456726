/**
 * How many rows a screen shows: as many as fit the height the board has, so a wall screen
 * never needs to scroll. When rows are cut, a "+N more" line takes the room of the last
 * ones; the viewer's own row, when cut, takes the place of the last shown row.
 */
export interface FitInput {
  /** Heights of the rows in rank order, as laid out. */
  readonly rowHeights: readonly number[];
  /** Height the rows may fill. */
  readonly available: number;
  /** Height of the "+N more" line, needed only when rows are cut. */
  readonly moreHeight: number;
}

function leadingRowsWithin(rowHeights: readonly number[], available: number): number {
  let used = 0;
  for (let index = 0; index < rowHeights.length; index += 1) {
    used += rowHeights[index]!;
    if (used > available) return index;
  }
  return rowHeights.length;
}

/** How many leading rows fit, leaving room for the "+N more" line when not all do. */
export function rowsThatFit({ rowHeights, available, moreHeight }: FitInput): number {
  const all = leadingRowsWithin(rowHeights, available);
  if (all === rowHeights.length) return all;
  return leadingRowsWithin(rowHeights, available - moreHeight);
}

export interface VisibleRows {
  /** Indices of the rows shown, ascending. */
  readonly indices: readonly number[];
  /** Rows the screen had to leave out. */
  readonly hidden: number;
}

/**
 * The rows shown when `fit` of `count` fit: the leading ones, except that a cut own row
 * (`ownIndex`) replaces the last of them, so a viewer always finds themself.
 */
export function visibleRows(count: number, fit: number, ownIndex?: number): VisibleRows {
  const shown = Math.max(0, Math.min(count, fit));
  const leading = Array.from({ length: shown }, (_, index) => index);
  const ownIsCut = ownIndex !== undefined && ownIndex >= shown && ownIndex < count;
  const indices = ownIsCut && shown >= 2 ? [...leading.slice(0, -1), ownIndex] : leading;
  return { indices, hidden: count - indices.length };
}

export const moreLabel = (hidden: number): string => `+${hidden} more`;
