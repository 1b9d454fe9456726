/** Every stored item's codec: attribute names, key, `encode*`, `parse*` (a value) and `decode*` (throws). */
export * from './item.ts';
export * from './timestamp.ts';
export * from './activity.ts';
export * from './counters.ts';
export * from './total.ts';
export * from './progress.ts';
export * from './program.ts';
export * from './snapshot.ts';
export * from './board-change.ts';
export * from './rebuild-cursor.ts';
export * from './score-histogram.ts';
export * from './team-counter.ts';
export * from './team-snapshot.ts';
export * from './team-assignment.ts';
export * from './caller-context.ts';
export * from './decode.ts';
