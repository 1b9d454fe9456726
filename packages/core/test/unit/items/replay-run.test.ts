import { describe, expect, it } from 'vitest';
import { MalformedItemError } from '../../../src/errors.ts';
import { decodeReplayRun } from '../../../src/items/decode.ts';
import { encodeReplayRun, replayRunKey, type ReplayRun } from '../../../src/items/replay-run.ts';
import { without, withAttribute } from './support.ts';

const run: ReplayRun = {
  runId: 'run-1',
  phase: 'log',
  cursor: '{"userId":"ada"}',
  lastUserId: 'ada',
  startedBy: 'operator',
  reason: 'Scores table restored',
  startedAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:01:00.000Z',
  finishedAt: null,
  pages: 3,
  usersReplayed: 420,
  usersChanged: 12,
  rescore: true,
  activitiesRescored: 5,
};

describe('replay run codec', () => {
  it('reads back what it writes, at the start, midway and done', () => {
    expect(replayRunKey('run-1')).toEqual({ pk: 'REPLAY', sk: 'RUN#run-1' });
    expect(decodeReplayRun(encodeReplayRun(run))).toEqual(run);
    const fresh = { ...run, cursor: null, lastUserId: null, pages: 0 };
    expect(encodeReplayRun(fresh)).not.toHaveProperty('cursor');
    expect(decodeReplayRun(encodeReplayRun(fresh))).toEqual(fresh);
    const done = { ...run, phase: 'done' as const, cursor: null, finishedAt: '2026-11-20T09:05:00.000Z' };
    expect(decodeReplayRun(encodeReplayRun(done))).toEqual(done);
  });

  it.each<[string, string, unknown]>([
    ['an unknown phase', 'phase', withAttribute(encodeReplayRun(run), 'phase', 'paused')],
    ['no page count', 'pages', without(encodeReplayRun(run), 'pages')],
    ['another run id than its key', 'sk', withAttribute(encodeReplayRun(run), 'runId', 'run-2')],
  ])('refuses a run with %s, naming %s', (_, named, item) => {
    expect(() => decodeReplayRun(item)).toThrow(MalformedItemError);
    expect(() => decodeReplayRun(item)).toThrow(named);
  });
});
