/** Schedules, described once: CronV2 in the cloud, a timer in the local runtime. */
export interface ScheduleSpec {
  readonly name: string;
  /** EventBridge Scheduler expression. */
  readonly expression: string;
  /** The period the local runtime uses by default (overridable for tests and development). */
  readonly localIntervalMs: number;
}

export const rebuildSchedule = {
  name: 'Rebuilder',
  expression: 'rate(1 minute)',
  localIntervalMs: 60_000,
} as const satisfies ScheduleSpec;
