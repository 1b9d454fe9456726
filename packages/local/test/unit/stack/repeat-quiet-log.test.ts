import { afterEach, describe, expect, it, vi } from 'vitest';
import { repeatQuietLog } from '../../../src/stack/repeat-quiet-log.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('repeatQuietLog', () => {
  it('logs a new error at once and the same one again only after the interval, with a count', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const report = repeatQuietLog((line) => lines.push(line), '[pipe]', 1_000);
    report(new Error('connection refused'));
    report(new Error('connection refused'));
    report(new Error('connection refused'));
    expect(lines).toEqual(['[pipe] connection refused']);
    vi.setSystemTime(1_500);
    report(new Error('connection refused'));
    report(new Error('queue does not exist'));
    expect(lines).toEqual([
      '[pipe] connection refused',
      '[pipe] connection refused (2 more since the last report)',
      '[pipe] queue does not exist',
    ]);
  });
});
