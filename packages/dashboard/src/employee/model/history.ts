/** One recorded activity as a line of the history list. */

export interface HistoryActivityInput {
  readonly id: string;
  readonly type: string;
  readonly quantity: number;
  readonly points: number;
  readonly programId?: string | null;
  readonly occurredAt: string;
  /** When an admin reversed it; null while it counts. */
  readonly reversedAt?: string | null;
  readonly reversalReason?: string | null;
}

export interface HistoryLine {
  readonly id: string;
  /** "Running", or the type id when the catalog no longer lists it. */
  readonly what: string;
  /** "30 minutes", "1 session", "12.5 km". */
  readonly amount: string;
  /** "+60 points"; "+0 points" when a daily cap took them all. */
  readonly points: string;
  /** "Reversed: <reason>" once an admin reversed it (it counts for nothing); null while it counts. */
  readonly reversed: string | null;
  readonly program: string | null;
  /** The ISO instant (a `<time datetime>`) and how it reads. */
  readonly occurredAt: string;
  readonly when: string;
}

export interface HistoryContext {
  readonly types: ReadonlyArray<{ readonly type: string; readonly name: string; readonly unit: string }>;
  readonly programs: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly formatTime: (date: Date) => string;
}

/** `km` stays as it is; `minutes`, `steps` and `sessions` lose their `s` for one. */
export function quantityWithUnit(quantity: number, unit: string): string {
  const shown = quantity.toLocaleString('en', { maximumFractionDigits: 2 });
  return `${shown} ${quantity === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

export function historyLine(activity: HistoryActivityInput, context: HistoryContext): HistoryLine {
  const type = context.types.find((candidate) => candidate.type === activity.type);
  const program = activity.programId
    ? (context.programs.find((candidate) => candidate.id === activity.programId)?.name ?? activity.programId)
    : null;
  return {
    id: activity.id,
    what: type?.name ?? activity.type,
    amount: quantityWithUnit(activity.quantity, type?.unit ?? ''),
    points: `+${activity.points.toLocaleString('en')} ${activity.points === 1 ? 'point' : 'points'}`,
    reversed: activity.reversedAt
      ? `Reversed${activity.reversalReason ? `: ${activity.reversalReason}` : ''}`
      : null,
    program,
    occurredAt: activity.occurredAt,
    when: context.formatTime(new Date(activity.occurredAt)),
  };
}
