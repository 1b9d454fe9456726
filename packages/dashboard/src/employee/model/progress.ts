/** One program's progress as the page shows it: a bar toward the goal and the words beside it. */

export interface ProgressInput {
  readonly program: {
    readonly id: string;
    readonly name: string;
    readonly endsAt: string;
    readonly status: string;
  };
  readonly points: number;
  readonly activities: number;
  readonly goal?: number | null;
  readonly percent?: number | null;
  readonly completedAt?: string | null;
}

export interface ProgressLine {
  readonly programId: string;
  readonly name: string;
  /** "120 of 200 points", or "120 points" without a goal. */
  readonly points: string;
  /** The bar's filled share, 0 to 1; null without a goal (no bar). */
  readonly share: number | null;
  /** The goal percentage for assistive technology; null without a goal. */
  readonly percent: number | null;
  /** "Goal reached", "60% of the goal" or the activity count. */
  readonly detail: string;
  readonly complete: boolean;
  /** Programs that ended are listed after the running ones. */
  readonly ended: boolean;
}

const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

export function progressLine(progress: ProgressInput): ProgressLine {
  const { program, points, activities } = progress;
  const goal = progress.goal ?? null;
  const percent =
    goal === null ? null : (progress.percent ?? Math.min(100, Math.floor((points / goal) * 100)));
  const complete = goal !== null && (Boolean(progress.completedAt) || points >= goal);
  const counted = plural(activities, 'activity', 'activities');
  let detail: string;
  if (complete) detail = `Goal reached · ${counted}`;
  else if (percent !== null) detail = `${percent}% of the goal · ${counted}`;
  else detail = counted;
  return {
    programId: program.id,
    name: program.name,
    points:
      goal === null
        ? plural(points, 'point', 'points')
        : `${points.toLocaleString('en')} of ${plural(goal, 'point', 'points')}`,
    share: goal === null ? null : Math.min(1, Math.max(0, points / goal)),
    percent,
    detail,
    complete,
    ended: program.status === 'ENDED',
  };
}

/** Running programs first, then ended ones, each in the API's order. */
export function progressLines(progress: readonly ProgressInput[]): ProgressLine[] {
  const lines = progress.map(progressLine);
  return [...lines.filter((line) => !line.ended), ...lines.filter((line) => line.ended)];
}
