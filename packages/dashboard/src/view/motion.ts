/**
 * Rank changes move rows to their new place (FLIP: the row is drawn at its old place, then
 * eased to the new one). This is the arithmetic: how far back each row starts.
 */

/** Rows moving by less than this are left alone: sub-pixel layout noise, not a rank change. */
const minimumOffsetPx = 0.5;

/**
 * For each row on screen both before and after (by id), the offset from its new place back
 * to its old one. Rows that entered or left have no offset: they do not travel.
 */
export function flipOffsets(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const [id, top] of after) {
    const previousTop = before.get(id);
    if (previousTop === undefined) continue;
    const offset = previousTop - top;
    if (Math.abs(offset) >= minimumOffsetPx) offsets.set(id, offset);
  }
  return offsets;
}

/** Ids shown now that were not on screen before: they fade in rather than travel. */
export function enteringIds(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): string[] {
  return [...after.keys()].filter((id) => !before.has(id));
}
