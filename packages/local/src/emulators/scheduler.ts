import { randomUUID } from 'node:crypto';
import type { Schedule } from './schedule-expression.ts';

/** The event EventBridge Scheduler hands a Lambda target (the schedule's default input). */
export interface ScheduledEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Scheduled Event';
  readonly source: 'aws.scheduler';
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, never>;
}

export interface LocalSchedulerOptions {
  readonly name: string;
  readonly schedule: Schedule;
  /** `endBy`, when given, is when the run must be over (a run started off the schedule). */
  readonly target: (event: ScheduledEvent, endBy?: Date) => Promise<unknown>;
  readonly region: string;
  readonly accountId: string;
  /** Called with each failed run; the schedule goes on, as EventBridge Scheduler's does. */
  readonly onError?: (error: unknown) => void;
  /** Called when a tick is skipped because the previous run is still going. */
  readonly onSkip?: (at: Date) => void;
  readonly onRun?: (durationMs: number) => void;
}

/**
 * Plays EventBridge Scheduler for one schedule: invokes the target at each time the
 * schedule gives. Unlike the cloud, a tick that falls while the previous run is still going
 * is skipped, so runs never overlap locally.
 */
export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private stopping = false;
  private runs = 0;

  constructor(private readonly options: LocalSchedulerOptions) {}

  get runCount(): number {
    return this.runs;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.scheduleNext(new Date());
  }

  /** Stops ticking and waits for a run in progress to end; its failure, if stopping ends it, is not reported. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.stopping = false;
  }

  /** When the schedule runs the target next, if ever. */
  nextRunAt(): Date | null {
    return this.options.schedule.nextRunAfter(new Date());
  }

  /** Resolves once no run is going. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Runs the target now unless a run is going; resolves when that run ends. */
  async runNow(endBy?: Date): Promise<void> {
    if (this.running) return this.running;
    const started = Date.now();
    this.running = this.options
      .target(this.event(new Date()), endBy)
      .then(
        () => this.options.onRun?.(Date.now() - started),
        (error: unknown) => {
          if (!this.stopping) this.options.onError?.(error);
        },
      )
      .finally(() => {
        this.runs += 1;
        this.running = undefined;
      });
    return this.running;
  }

  private scheduleNext(from: Date): void {
    if (!this.started) return;
    const next = this.options.schedule.nextRunAfter(from);
    if (!next) return;
    // setTimeout holds at most 2^31-1 ms; a far run re-arms on the way.
    const delay = Math.min(Math.max(0, next.getTime() - Date.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      if (Date.now() < next.getTime()) return this.scheduleNext(from);
      if (this.running) this.options.onSkip?.(next);
      else void this.runNow();
      this.scheduleNext(next);
    }, delay);
    this.timer.unref();
  }

  private event(at: Date): ScheduledEvent {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: this.options.accountId,
      time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.options.region,
      resources: [
        `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule/default/${this.options.name}`,
      ],
      detail: {},
    };
  }
}
