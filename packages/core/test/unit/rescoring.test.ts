import { describe, expect, it } from 'vitest';
import type { StoredActivity } from '../../src/items/activity.ts';
import { rescoreHistory } from '../../src/rescoring.ts';

let sequence = 0;
/** A steps activity scored by an old rule: twice the points the catalog gives now (1 per 100 steps, 300 a day). */
function steps(quantity: number, points: number, fields: Partial<StoredActivity> = {}): StoredActivity {
  sequence += 1;
  return {
    key: `k${sequence}`,
    id: `a${sequence}`,
    userId: 'ada',
    displayName: 'Ada',
    type: 'steps',
    quantity,
    points,
    basePoints: quantity / 50,
    programId: null,
    teamId: null,
    occurredAt: '2026-11-20T08:00:00.000Z',
    recordedAt: `2026-11-20T09:00:0${sequence % 10}.000Z`,
    idempotencyKey: null,
    processedAt: '2026-11-20T09:10:00.000Z',
    ...fields,
  };
}

describe('rescoring by the current catalog', () => {
  it("gives each activity the catalog's points within the day's cap, in recorded order", () => {
    const history = [steps(10_000, 200), steps(10_000, 100), steps(5_000, 0)];
    const rescoring = rescoreHistory(history);
    expect(
      rescoring.changed.map(({ activity, basePoints, points }) => [activity.key, basePoints, points]),
    ).toEqual([
      [history[0]!.key, 100, 100],
      [history[1]!.key, 100, 100],
      [history[2]!.key, 50, 50],
    ]);
    expect(rescoring.dayPoints.get('2026-11-20 steps')).toBe(250);
  });

  it('leaves reversed activities out of the cap, and activities on their way to the worker as they are', () => {
    const reversed = steps(20_000, 300, {
      reversal: { at: '2026-11-20T10:00:00.000Z', by: 'admin', reason: 'x' },
    });
    const onTheirWay = steps(10_000, 200, { processedAt: null });
    const applied = steps(30_000, 100);
    const rescoring = rescoreHistory([reversed, onTheirWay, applied]);
    expect(rescoring.changed.map(({ activity, points }) => [activity.key, points])).toEqual([
      [applied.key, 100],
    ]);
    expect(rescoring.dayPoints.get('2026-11-20 steps')).toBe(300);
  });

  it('changes nothing an activity scored by the current rules already has', () => {
    const current = steps(5_000, 50, { basePoints: 50 });
    expect(rescoreHistory([current]).changed).toEqual([]);
  });
});
