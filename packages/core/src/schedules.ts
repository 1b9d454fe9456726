/** Schedules, described once: CronV2 in the cloud, a timer in the local runtime. */
export interface ScheduleSpec {
  readonly name: string;
  /** EventBridge Scheduler expression. */
  readonly expression: string;
  /** The expression's period: an invocation must be done before the next one starts. */
  readonly periodSeconds: number;
}

export const rebuildSchedule = {
  name: 'Rebuilder',
  expression: 'rate(1 minute)',
  periodSeconds: 60,
} as const satisfies ScheduleSpec;

/**
 * EventBridge cannot schedule more often than once a minute, so one rebuilder invocation ticks
 * every `tickSeconds` until the next invocation is due: a dashboard sees an activity within
 * seconds, and runs never overlap.
 */
export const rebuildCadence = {
  tickSeconds: 5,
  /** A tick re-reads change marks from this long before the previous tick: transactions still in flight. */
  tickOverlapSeconds: 10,
  /** Time left unused before the next invocation is due and before the function's timeout. */
  marginSeconds: 3,
} as const;
