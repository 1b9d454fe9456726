import { describe, expect, it } from 'vitest';
import { everyInterval } from '../../../src/emulators/schedule-expression.ts';
import { LocalScheduler, type ScheduledEvent } from '../../../src/emulators/scheduler.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('LocalScheduler', () => {
  it('never overlaps runs: a tick during a slow run is skipped', async () => {
    let active = 0;
    let maxActive = 0;
    const events: ScheduledEvent[] = [];
    let skipped = 0;
    const scheduler = new LocalScheduler({
      name: 'Rebuilder',
      schedule: everyInterval(40),
      region: 'us-east-1',
      accountId: '000000000000',
      onSkip: () => (skipped += 1),
      target: async (event) => {
        events.push(event);
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(110);
        active -= 1;
      },
    });
    scheduler.start();
    await sleep(600);
    await scheduler.stop();
    expect(maxActive).toBe(1);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(skipped).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({
      source: 'aws.scheduler',
      'detail-type': 'Scheduled Event',
      region: 'us-east-1',
    });
    expect(events[0]?.resources[0]).toBe(
      'arn:aws:scheduler:us-east-1:000000000000:schedule/default/Rebuilder',
    );
  });

  it('keeps going after a failed run and stops ticking when stopped', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const scheduler = new LocalScheduler({
      name: 'Rebuilder',
      schedule: everyInterval(30),
      region: 'us-east-1',
      accountId: '000000000000',
      onError: (error) => errors.push(error),
      target: () => {
        runs += 1;
        return Promise.reject(new Error('boom'));
      },
    });
    scheduler.start();
    await sleep(200);
    await scheduler.stop();
    const runsAtStop = runs;
    expect(runsAtStop).toBeGreaterThanOrEqual(3);
    expect(errors).toHaveLength(runsAtStop);
    await sleep(100);
    expect(runs).toBe(runsAtStop);
  });

  it('does not report the failure of a run that stopping ends', async () => {
    const errors: unknown[] = [];
    let end: (error: Error) => void = () => undefined;
    const scheduler = new LocalScheduler({
      name: 'Rebuilder',
      schedule: everyInterval(60_000),
      region: 'us-east-1',
      accountId: '000000000000',
      onError: (error) => errors.push(error),
      target: () => new Promise((_resolve, reject) => (end = reject)),
    });
    void scheduler.runNow();
    const stopped = scheduler.stop();
    end(new Error('execution environment exited (SIGKILL)'));
    await stopped;
    expect(errors).toEqual([]);
    void scheduler.runNow();
    end(new Error('a real failure'));
    await scheduler.settled();
    expect(errors).toEqual([new Error('a real failure')]);
  });

  it('hands a run started off the schedule the time it must end by, and says when the next is due', async () => {
    const ends: Array<Date | undefined> = [];
    const scheduler = new LocalScheduler({
      name: 'Rebuilder',
      schedule: everyInterval(60_000),
      region: 'us-east-1',
      accountId: '000000000000',
      target: async (_event, endBy) => void ends.push(endBy),
    });
    const next = scheduler.nextRunAt();
    expect(next!.getTime() - Date.now()).toBeGreaterThan(59_000);
    await scheduler.runNow(next!);
    await scheduler.runNow();
    expect(ends).toEqual([next, undefined]);
  });
});
