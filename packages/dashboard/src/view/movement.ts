/** Movement of an entry against its rank in the previous snapshot, for the marks in the table. */
export type Movement =
  | { readonly kind: 'new' }
  | { readonly kind: 'up'; readonly places: number }
  | { readonly kind: 'down'; readonly places: number }
  | { readonly kind: 'same' };

export function movementOf(entry: { readonly rank: number; readonly previousRank: number | null }): Movement {
  if (entry.previousRank === null) return { kind: 'new' };
  const places = entry.previousRank - entry.rank;
  if (places > 0) return { kind: 'up', places };
  if (places < 0) return { kind: 'down', places: -places };
  return { kind: 'same' };
}

/** The mark shown in the table (`▲2`, `▼1`, `NEW`, `–`). */
export function movementMark(movement: Movement): string {
  switch (movement.kind) {
    case 'new':
      return 'NEW';
    case 'up':
      return `▲${movement.places}`;
    case 'down':
      return `▼${movement.places}`;
    case 'same':
      return '–';
  }
}

/** What a screen reader says for the mark. */
export function movementLabel(movement: Movement): string {
  switch (movement.kind) {
    case 'new':
      return 'new on the board';
    case 'up':
      return `up ${movement.places} ${movement.places === 1 ? 'place' : 'places'}`;
    case 'down':
      return `down ${movement.places} ${movement.places === 1 ? 'place' : 'places'}`;
    case 'same':
      return 'no change';
  }
}
